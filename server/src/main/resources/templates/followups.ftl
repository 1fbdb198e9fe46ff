<#import "layout.ftl" as l>
<#import "recurring.ftl" as rec>
<@l.page title=t("followups.title")>
<h1>${t("followups.title")}</h1>
<p>${t("followups.intro")}</p>
<form method="get" action="/archief/knelpunten" class="filters">
  <p><label for="status">${t("followup.status_label")}</label>
  <select id="status" name="status">
    <option value="">${t("followups.any")}</option>
    <option value="geen"<#if status == "geen"> selected=""</#if>>${t("followups.unanswered")}</option>
    <#list statuses as st><option value="${st}"<#if status == st> selected=""</#if>>${t("followup.status." + st)}</option></#list>
  </select></p>
  <p><label for="gemeente">${t("list.municipality")}</label>
  <input id="gemeente" name="gemeente" type="text" value="${gemeente}" maxlength="80"/></p>
  <p><button type="submit">${t("list.submit")}</button></p>
</form>
<@rec.themes list=themes/>
<h2>${t("followups.count", rows?size)}</h2>
<#if rows?has_content>
<@l.wide caption="knelpunten-bijschrift">
<table>
  <caption class="meta" id="knelpunten-bijschrift">${t("followups.caption")}</caption>
  <thead><tr><th scope="col">${t("followups.col_barrier")}</th><th scope="col">${t("followups.col_session")}</th><th scope="col">${t("followups.col_followup")}</th></tr></thead>
  <tbody>
  <#list rows as r>
  <tr>
    <td><a href="/archief/${r.session.id}?bijdrage=${r.knelpunt.id}#k-${r.knelpunt.id}"><#if r.knelpunt.title??>${r.knelpunt.title}<#else>${t("record.barrier_n", r?counter)}</#if></a>
      <br/>${r.knelpunt.text}</td>
    <td>${r.session.title}<br/><span class="meta">${dates.day(r.session.closedAt)} · ${r.session.municipality}<#if r.session.community??> · ${r.session.community}</#if></span></td>
    <td><#if r.followUp??><span class="status status-${r.followUp.status}">${t("followup.status." + r.followUp.status)}</span>
      <#if r.followUp.answer??><br/>${r.followUp.answer}</#if>
      <br/><span class="meta">${t("followup.signed", r.followUp.signature, dates.day(r.followUp.at))}</span>
      <#else><span class="quiet">${t("followup.none")}</span></#if></td>
  </tr>
  </#list>
  </tbody>
</table>
</@l.wide>
<#else>
<p>${t("followups.none")}</p>
</#if>
</@l.page>
