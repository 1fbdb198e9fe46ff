<#import "layout.ftl" as l>
<#assign r = report>
<#-- A bar chart: every bar has its label on a line above it and its value beside it; the same
     numbers are in the table that follows (named by tableId), which the PDF prints instead. -->
<#macro chart c id title tableId labelPrefix="">
<figure class="chart" aria-labelledby="${id}-bijschrift">
  <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${c.width} ${c.height}" role="img" aria-labelledby="${id}" aria-describedby="${tableId}">
    <title id="${id}">${title}</title>
    <#list c.bars as b>
    <g class="bar">
    <text x="0" y="${b.y + 14}" font-size="13" fill="#1a1a1a"><#if labelPrefix?has_content>${t(labelPrefix + b.label)}<#else>${b.label}</#if></text>
    <rect x="0" y="${b.y + 20}" width="${b.length}" height="20" fill="#0b4f7c"/>
    <text x="${b.length + 8}" y="${b.y + 35}" font-size="13" fill="#1a1a1a">${b.value}</text>
    </g>
    </#list>
  </svg>
  <figcaption id="${id}-bijschrift">${title}. ${t("report.chart_table")}</figcaption>
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

<h2>${t("report.change")}</h2>
<@l.wide caption="verandering-bijschrift">
<table class="change">
  <caption class="meta" id="verandering-bijschrift">${t("report.change_caption", dates.day(r.change.from + "T12:00:00Z"), dates.day(r.change.to + "T12:00:00Z"))}</caption>
  <thead><tr><th scope="col">${t("report.col_fact")}</th><th scope="col" class="num">${t("report.col_now")}</th>
    <th scope="col" class="num">${t("report.col_before")}</th><th scope="col" class="num">${t("report.col_difference")}</th></tr></thead>
  <tbody>
  <#list r.change.rows as c>
  <tr><th scope="row">${t(c.fact)}</th><td class="num">${c.now}</td><td class="num">${c.before}</td>
    <td class="num"><#if c.difference gt 0>+${c.difference}<#elseif c.difference lt 0>−${-c.difference}<#else>0</#if></td></tr>
  </#list>
  </tbody>
</table>
</@l.wide>

<h2>${t("report.per_session")}</h2>
<#if r.sessions?has_content>
<#if !pdf><@chart c=r.storiesChart id="chart-verhalen" title=t("report.chart_stories") tableId="sessies-bijschrift"/></#if>
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
<#if !pdf && r.totals.knelpunten gt 0><@chart c=r.followUpChart id="chart-opvolging" title=t("report.chart_followups") tableId="opvolging-bijschrift" labelPrefix="followup.status."/></#if>
<table>
  <caption class="meta" id="opvolging-bijschrift">${t("report.followups_caption")}</caption>
  <thead><tr><th scope="col">${t("followup.status_label")}</th><th scope="col" class="num">${t("report.col_knelpunten")}</th></tr></thead>
  <tbody>
  <#list r.followUps as status, count>
  <tr><th scope="row">${t("followup.status." + status)}</th><td class="num">${count}</td></tr>
  </#list>
  </tbody>
</table>

<#-- The recurring themes (knelpunten that keep coming back across sessions): filled in by the
     archive's search once it finds them; the section is left out while there are none. -->
<#if r.recurringThemes?has_content>
<h2>${t("report.themes")}</h2>
<table class="themes">
  <caption class="meta">${t("report.themes_caption")}</caption>
  <thead><tr><th scope="col">${t("report.col_theme")}</th><th scope="col" class="num">${t("report.col_count")}</th>
    <th scope="col">${t("report.col_shared_words")}</th></tr></thead>
  <tbody>
  <#list r.recurringThemes as th>
  <tr><th scope="row">${th.name}</th><td class="num">${th.count}</td><td>${th.sharedWords?join(", ")}</td></tr>
  </#list>
  </tbody>
</table>
</#if>

<#if r.sessions?has_content>
<h2>${t("report.harvest")}</h2>
<#list r.sessions as s>
<section class="session-account" aria-labelledby="sessie-${s?index}">
  <h3 id="sessie-${s?index}">${s.label}</h3>
  <#if s.community??><p class="meta">${s.community}</p></#if>
  <h4>${t("record.harvest_what")}</h4>
  <#if s.harvest??><p class="harvest"><@l.lines s.harvest/></p><#else><p class="quiet">${t("report.harvest_none")}</p></#if>
  <h4>${t("record.harvest_agreements")}</h4>
  <#if s.agreements??><p class="harvest"><@l.lines s.agreements/></p><#else><p class="quiet">${t("report.agreements_none")}</p></#if>
  <h4>${t("report.session_barriers")}</h4>
  <#if s.barriers?has_content>
  <ul class="barriers">
    <#list s.barriers as k>
    <li class="barrier">
      <p><strong><#if k.title??>${k.title}<#else>${t("record.barrier_n", k?counter)}</#if></strong></p>
      <p class="text"><@l.lines k.text/></p>
      <p><span class="status status-${k.status}">${t("followup.status." + k.status)}</span><#if k.signature??> <span class="signed">${t("followup.signed", k.signature, dates.dayTime(k.answeredAt))}</span></#if></p>
      <#if k.answer??><p class="answer"><@l.lines k.answer/></p></#if>
    </li>
    </#list>
  </ul>
  <#else>
  <p class="quiet">${t("report.session_barriers_none")}</p>
  </#if>
</section>
</#list>
</#if>

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
