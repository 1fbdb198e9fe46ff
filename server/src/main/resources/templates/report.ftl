<#import "layout.ftl" as l>
<#assign r = report>
<#macro chart c id title labelPrefix="">
<figure class="chart">
  <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${c.width} ${c.height}" role="img" aria-labelledby="${id}">
    <title id="${id}">${title}</title>
    <#list c.bars as b>
    <text x="250" y="${b.y + 15}" text-anchor="end" font-size="13" fill="#1a1a1a"><#if labelPrefix?has_content>${t(labelPrefix + b.label)}<#else>${b.label}</#if></text>
    <rect x="260" y="${b.y}" width="${b.length}" height="20" fill="#0b4f7c"/>
    <text x="${266 + b.length}" y="${b.y + 15}" font-size="13" fill="#1a1a1a">${b.value}</text>
    </#list>
  </svg>
</figure>
</#macro>
<@l.page title=t("report.title", r.municipality)>
<article class="report">
<p class="kicker">${t("report.kicker")}</p>
<h1>${t("report.title", r.municipality)}</h1>
<p class="meta">${t("report.period", dates.day(van + "T12:00:00Z"), dates.day(tot + "T12:00:00Z"))}</p>
<#if !pdf>
<form method="get" action="/archief/verantwoording" class="filters">
  <p><label for="gemeente">${t("list.municipality")}</label>
  <input id="gemeente" name="gemeente" type="text" value="${gemeente}" maxlength="80" required=""/></p>
  <p><label for="van">${t("list.from")}</label><input id="van" name="van" type="date" value="${van}"/></p>
  <p><label for="tot">${t("list.to")}</label><input id="tot" name="tot" type="date" value="${tot}"/></p>
  <p><button type="submit">${t("report.submit")}</button></p>
</form>
<p class="downloads"><a href="/archief/verantwoording.pdf?gemeente=${gemeente?url('UTF-8')}&amp;van=${van}&amp;tot=${tot}" download="">${t("record.download_pdf")}</a></p>
</#if>

<h2>${t("report.facts")}</h2>
<table>
  <caption class="meta">${t("report.facts_caption")}</caption>
  <tbody>
    <tr><th scope="row">${t("report.sessions")}</th><td class="num">${r.totals.sessions}</td></tr>
    <tr><th scope="row">${t("report.participants")}</th><td class="num">${r.totals.participants}</td></tr>
    <tr><th scope="row">${t("report.organisations")}</th><td class="num">${r.totals.organisations}</td></tr>
    <tr><th scope="row">${t("report.stories")}</th><td class="num">${r.totals.stories}</td></tr>
    <tr><th scope="row">${t("report.recognitions")}</th><td class="num">${r.totals.recognitions}</td></tr>
    <tr><th scope="row">${t("report.connections")}</th><td class="num">${r.totals.crossConnections}</td></tr>
    <tr><th scope="row">${t("report.knelpunten")}</th><td class="num">${r.totals.knelpunten}</td></tr>
    <tr><th scope="row">${t("report.answered")}</th><td class="num">${r.totals.answered}</td></tr>
  </tbody>
</table>

<h2>${t("report.per_session")}</h2>
<#if r.sessions?has_content>
<#if !pdf><@chart c=r.storiesChart id="chart-verhalen" title=t("report.chart_stories")/></#if>
<@l.wide caption="sessies-bijschrift">
<table>
  <caption class="meta" id="sessies-bijschrift">${t("report.per_session_caption")}</caption>
  <thead><tr><th scope="col">${t("report.col_session")}</th><th scope="col">${t("record.date")}</th>
    <th scope="col" class="num">${t("report.col_people")}</th><th scope="col" class="num">${t("report.col_stories")}</th>
    <th scope="col" class="num">${t("report.col_recognitions")}</th><th scope="col" class="num">${t("report.col_connections")}</th>
    <th scope="col" class="num">${t("report.col_knelpunten")}</th></tr></thead>
  <tbody>
  <#list r.sessions as s>
  <tr><td><#if pdf>${s.title}<#else><a href="/archief/${s.id}">${s.title}</a></#if><#if s.community??><br/><span class="meta">${s.community}</span></#if></td>
    <td>${dates.day(s.closedAt)}</td><td class="num">${s.participants}</td><td class="num">${s.stories}</td>
    <td class="num">${s.recognitions}</td><td class="num">${s.crossConnections}</td><td class="num">${s.knelpunten}</td></tr>
  </#list>
  </tbody>
</table>
</@l.wide>
<#else>
<p>${t("report.no_sessions")}</p>
</#if>

<h2>${t("report.followups")}</h2>
<#if !pdf && r.totals.knelpunten gt 0><@chart c=r.followUpChart id="chart-opvolging" title=t("report.chart_followups") labelPrefix="followup.status."/></#if>
<table>
  <caption class="meta">${t("report.followups_caption")}</caption>
  <thead><tr><th scope="col">${t("followup.status_label")}</th><th scope="col" class="num">${t("report.col_knelpunten")}</th></tr></thead>
  <tbody>
  <#list r.followUps as status, count>
  <tr><th scope="row">${t("followup.status." + status)}</th><td class="num">${count}</td></tr>
  </#list>
  </tbody>
</table>

<h2>${t("report.telling")}</h2>
<#if r.telling?has_content>
<#list r.telling as s>
<article class="post">
  <h3><#if s.title??>${s.title}<#else>${t("record.story_n", s?counter)}</#if></h3>
  <p class="text"><@l.lines s.text/></p>
  <p class="by">${t("record.told_by")} <@l.person p=s.author/> · ${s.sessionTitle}</p>
</article>
</#list>
<#else>
<p>${t("report.telling_none")}</p>
</#if>
</article>
</@l.page>
