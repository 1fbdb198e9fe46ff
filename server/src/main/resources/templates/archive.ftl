<#import "layout.ftl" as l>
<@l.page title=t("list.title")>
<h1>${t("list.title")}</h1>
<p>${t("list.intro")}</p>
<form method="get" action="/archief" class="filters" role="search" aria-label="${t("list.search_label")}">
  <p><label for="q">${t("list.q")}</label>
  <input id="q" name="q" type="search" value="${q}" maxlength="200" aria-describedby="q-help"/></p>
  <p class="meta" id="q-help">${t("list.search_help")}</p>
  <p><label for="gemeente">${t("list.municipality")}</label>
  <input id="gemeente" name="gemeente" type="text" value="${gemeente}" maxlength="80"/></p>
  <p><label for="werkgemeenschap">${t("list.community")}</label>
  <input id="werkgemeenschap" name="werkgemeenschap" type="text" value="${werkgemeenschap}" maxlength="120"/></p>
  <p><label for="thema">${t("list.theme")}</label>
  <select id="thema" name="thema">
    <option value="">${t("list.theme_any")}</option>
    <#list themes as th><option value="${th.id}"<#if th.id == thema> selected=""</#if>>${th.title}</option></#list>
  </select></p>
  <p><label for="van">${t("list.from")}</label>
  <input id="van" name="van" type="date" value="${van}"/></p>
  <p><label for="tot">${t("list.to")}</label>
  <input id="tot" name="tot" type="date" value="${tot}"/></p>
  <p><button type="submit">${t("list.submit")}</button></p>
</form>
<#if problem??><p class="problem" role="alert">${t("list.problem." + problem)}</p></#if>
<h2 id="resultaten" aria-live="polite">${t("list.count", hits?size)}</h2>
<#if hits?has_content>
<ol class="results" aria-labelledby="resultaten">
<#list hits as h>
  <#assign e = h.entry>
  <li>
    <h3><a href="/archief/${e.id}">${e.title}</a></h3>
    <p class="meta">${dates.day(e.closedAt)} · ${e.municipality}<#if e.community??> · ${e.community}</#if></p>
    <p class="meta">${t("list.counts", e.participants, e.organisations, e.stories, e.knelpunten, e.connections)}</p>
    <#list h.passages as passage><p class="snippet"><#list passage.pieces as piece><#if piece.mark><mark>${piece.text}</mark><#else>${piece.text}</#if></#list></p></#list>
  </li>
</#list>
</ol>
<#if limited><p>${t("list.limited")}</p></#if>
<#else>
<p><#if searched>${t("list.none_found")}<#else>${t("list.empty")}</#if></p>
</#if>
</@l.page>
