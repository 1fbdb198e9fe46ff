<#import "layout.ftl" as l>
<@l.page title=t("log.title")>
<h1>${t("log.title")}</h1>
<p>${t("log.intro", readings?size)}</p>
<#if readings?has_content>
<@l.wide caption="log-bijschrift">
<table>
  <caption class="meta" id="log-bijschrift">${t("log.caption")}</caption>
  <thead><tr><th scope="col">${t("log.when")}</th><th scope="col">${t("log.account")}</th><th scope="col">${t("log.what")}</th><th scope="col">${t("log.record")}</th></tr></thead>
  <tbody>
  <#list readings as r>
  <tr><td>${dates.dayTime(r.at)}</td><td>${r.account}</td><td>${t("log.kind." + r.what)}</td>
    <td><#if r.session?starts_with("s")><a href="/archief/${r.session}">${r.session}</a><#else>${r.session}</#if></td></tr>
  </#list>
  </tbody>
</table>
</@l.wide>
<#else>
<p>${t("log.none")}</p>
</#if>
</@l.page>
