<#import "layout.ftl" as l>
<@l.page title=t("login.title")>
<div class="login">
<h1>${t("login.title")}</h1>
<p>${t("login.intro")}</p>
<#if problem??><p class="problem" role="alert" id="login-problem">${problem}</p></#if>
<form method="post" action="/login">
  <input type="hidden" name="next" value="${next}"/>
  <p><label for="username">${t("login.username")}</label>
  <input id="username" name="username" type="text" autocomplete="username" required="" maxlength="80" value="${username}"<#if problem??> aria-describedby="login-problem"</#if>/></p>
  <p><label for="password">${t("login.password")}</label>
  <input id="password" name="password" type="password" autocomplete="current-password" required="" maxlength="200"<#if problem??> aria-invalid="true" aria-describedby="login-problem"</#if>/></p>
  <p><button type="submit">${t("login.submit")}</button></p>
</form>
</div>
</@l.page>
