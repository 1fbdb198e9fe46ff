<#-- The page frame shared by every archive page; pdf=true drops navigation and forms. -->
<#macro page title>
<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="utf-8"/>
<meta name="viewport" content="width=device-width, initial-scale=1"/>
<title>${title} · ${t("app.name")}</title>
<#if description??><meta name="description" content="${description}"/></#if>
<#if pdf>
<#-- our own style sheet, inlined for the PDF renderer (the page itself forbids inline style) -->
<style>${css?no_esc}</style>
<#else>
<link rel="stylesheet" href="/assets/archive/archive.css"/>
</#if>
</head>
<body<#if pdf> class="pdf"</#if>>
<#if !pdf>
<a class="skip" href="#inhoud">${t("nav.skip")}</a>
<header class="site">
  <p class="brand"><a href="/archief">${t("app.name")}</a> <span>${t("app.archive")}</span></p>
  <#if account??>
  <nav aria-label="${t("nav.label")}">
    <ul>
      <li><a href="/archief">${t("nav.archive")}</a></li>
      <li><a href="/archief/knelpunten">${t("nav.followups")}</a></li>
      <li><a href="/archief/verantwoording">${t("nav.report")}</a></li>
      <#if account.admin><li><a href="/archief/log">${t("nav.log")}</a></li></#if>
    </ul>
  </nav>
  </#if>
  <div class="who">
    <#if account??>
    <span>${t("nav.signed_in", account.username)}</span>
    <form method="post" action="/logout" class="inline"><button type="submit">${t("nav.logout")}</button></form>
    </#if>
    <#if lang == "nl"><a href="${langUrl}" lang="en" hreflang="en">English</a><#else><a href="${langUrl}" lang="nl" hreflang="nl">Nederlands</a></#if>
  </div>
</header>
</#if>
<main id="inhoud">
<#nested>
</main>
<#if !pdf>
<footer class="site"><p>${t("footer.text")}</p></footer>
</#if>
</body>
</html>
</#macro>

<#-- Text with its line breaks kept, as separate lines (no markup from the text itself). -->
<#macro lines text><#list text?split("\n") as line>${line}<#sep><br/></#sep></#list></#macro>

<#-- A wide table in its own sideways-scrolling box, so a phone's page never scrolls sideways (WCAG
     1.4.10); the box is named by the table's caption and can take focus, so it scrolls with the
     keyboard too. In the PDF the table is simply printed. -->
<#macro wide caption><#if pdf><#nested><#else><div class="table-scroll" role="region" aria-labelledby="${caption}" tabindex="0"><#nested></div></#if></#macro>

<#-- A person as the archive may show them: the name only if they agreed. -->
<#macro person p><#if p.name??><span class="name">${p.name}</span>, </#if><#if p.role??>${p.role}</#if><#if p.organisation??> · ${p.organisation}</#if></#macro>
