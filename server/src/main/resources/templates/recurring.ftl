<#import "layout.ftl" as l>
<#-- Recurring knelpunten: the similar knelpunten under one knelpunt of a record, and the themes of
     /archief/knelpunten. Every piece of text is escaped by the HTML output format. -->
<#macro similar items>
<#if items?has_content>
<div class="similar">
  <h4>${t("similar.heading")}</h4>
  <ul>
  <#list items as m>
    <li><a href="/archief/${m.row.session.id}?bijdrage=${m.row.knelpunt.id}#k-${m.row.knelpunt.id}"><#if m.row.knelpunt.title??>${m.row.knelpunt.title}<#else>${t("similar.untitled")}</#if></a>
      <span class="meta">${m.row.session.title} · ${dates.day(m.row.session.closedAt)}<#if m.row.session.community??> · ${m.row.session.community}</#if></span>
      <br/><#if m.row.followUp??><span class="status status-${m.row.followUp.status}">${t("followup.status." + m.row.followUp.status)}</span><#if m.row.followUp.answer??> ${m.row.followUp.answer}</#if><#else><span class="quiet">${t("followup.none")}</span></#if>
      <br/><span class="meta">${t("similar.shared", m.shared?join(", "))}</span></li>
  </#list>
  </ul>
</div>
</#if>
</#macro>

<#macro themes list>
<section aria-labelledby="themas" class="themes">
<h2 id="themas">${t("themes.title")}</h2>
<p>${t("themes.intro")}</p>
<#if list?has_content>
<#list list as th>
<article class="theme" aria-labelledby="thema-${th?counter}">
  <h3 id="thema-${th?counter}">${th.shared?first}</h3>
  <p>${t("themes.summary", th.knelpunten?size, th.sessions, th.unanswered)}</p>
  <p class="meta">${t("themes.how", th.shared?join(", "))}</p>
  <@l.wide caption="thema-${th?counter}-tellingen">
  <table>
    <caption class="meta" id="thema-${th?counter}-tellingen">${t("themes.counts_caption")}</caption>
    <thead><tr><th scope="col">${t("themes.col_where_when")}</th><th scope="col">${t("themes.col_count")}</th></tr></thead>
    <tbody>
    <#list th.communities as c><tr><td><#if c.name?has_content>${c.name}<#else>${t("themes.no_community")}</#if></td><td>${c.count}</td></tr></#list>
    <#list th.halfYears as h><tr><td>${t("themes.half_year", h.name?keep_before("-"), h.name?keep_after("-")?number)}</td><td>${h.count}</td></tr></#list>
    </tbody>
  </table>
  </@l.wide>
  <ul>
  <#list th.knelpunten as r>
    <li><a href="/archief/${r.session.id}?bijdrage=${r.knelpunt.id}#k-${r.knelpunt.id}"><#if r.knelpunt.title??>${r.knelpunt.title}<#else>${t("similar.untitled")}</#if></a>
      <span class="meta">${r.session.title} · ${dates.day(r.session.closedAt)}</span>
      · <#if r.followUp??>${t("followup.status." + r.followUp.status)}<#else>${t("followup.none")}</#if></li>
  </#list>
  </ul>
</article>
</#list>
<#else>
<p class="quiet">${t("themes.none")}</p>
</#if>
</section>
</#macro>
