<#import "layout.ftl" as l>
<@l.page title=t("page.error.title." + status)>
<h1>${t("page.error.title." + status)}</h1>
<p>${t("page.error." + reason)}</p>
<p><a href="/archief">${t("page.error.back")}</a></p>
</@l.page>
