<#import "layout.ftl" as l>
<#import "recurring.ftl" as rec>
<#assign s = record.session>
<#-- A very large record is read in parts (RecordParts); a normal one is one part, the whole record, as is the PDF. -->
<#assign paged = parts?size gt 1>
<@l.page title=paged?then(t("record.part_title", s.title, part.number, parts?size), s.title)>
<article class="record">
<header class="record-head">
  <p class="kicker">${t("record.kicker")}</p>
  <h1>${s.title}</h1>
  <dl class="facts">
    <dt>${t("record.municipality")}</dt><dd>${s.municipality}</dd>
    <#if s.community??><dt>${t("record.community")}</dt><dd>${s.community}</dd></#if>
    <#if templateTitle??><dt>${t("record.template")}</dt><dd>${templateTitle}</dd></#if>
    <dt>${t("record.date")}</dt><dd>${dates.day(s.closedAt!s.createdAt)}</dd>
    <dt>${t("record.people")}</dt><dd>${t("record.people_count", record.counts.participants, record.counts.organisations)}</dd>
  </dl>
  <#if paged><p class="part-of">${t("record.part_of", part.number, parts?size)} ${t("record.parts_why", record.counts.stories, record.counts.knelpunten)}</p></#if>
</header>
<#if paged><@partsNav/></#if>

<section class="integrity <#if record.integrity.valid>ok<#else>bad</#if>" aria-labelledby="integriteit">
  <h2 id="integriteit">${t("record.integrity")}</h2>
  <#if record.integrity.valid && record.integrity.complete>
  <p class="verdict"><strong>${t("integrity.valid")}</strong> ${t("integrity.valid_detail", record.integrity.events, record.integrity.redacted)}</p>
  <#elseif record.integrity.valid>
  <p class="verdict"><strong>${t("integrity.valid")}</strong> ${t("integrity.no_head", record.integrity.events)}</p>
  <#else>
  <p class="verdict"><strong>${t("integrity.invalid")}</strong> ${t("integrity.problem." + record.integrity.problem, record.integrity.badSeq, record.integrity.badName!"", record.integrity.detail)}</p>
  </#if>
  <#if record.head??>
  <p class="fingerprint">${t("record.fingerprint", record.head.seq)} <code>${record.head.hash}</code></p>
  </#if>
  <#if !pdf>
  <p class="downloads">
    <a href="/archief/${s.id}.pdf"<#if pdfReady!true> download=""</#if> id="pdf-link">${t("record.download_pdf")}</a>
    <a href="/archief/${s.id}.json" download="">${t("record.download_json")}</a>
  </p>
  <#if !(pdfReady!true)>
  <#-- The PDF is made beside the record; pdf-status.js shows how far (role=status is read out politely). -->
  <p class="pdf-status" role="status" data-status="/archief/${s.id}/pdf-status" data-pdf="/archief/${s.id}.pdf">
    <progress max="100" aria-label="${t("record.pdf_progress")}"></progress>
    <span class="pdf-status-text">${t("record.pdf_not_yet")}</span>
  </p>
  <script src="/assets/archive/pdf-status.js" defer=""></script>
  </#if>
  <p class="howto">${t("record.verify_howto")} <code>java -jar dialoogtafel.jar verify verslag-${s.id}.json</code></p>
  </#if>
</section>

<#if part.table>
<section aria-labelledby="tafel">
  <h2 id="tafel">${t("record.table")}</h2>
  <#if record.table?has_content>
  <ul class="table">
    <#list record.table as org>
    <li><strong>${org.name!t("record.unknown")}</strong>:
      <#list org.people as p><#if p.name??>${p.name} (${p.role!""})<#else>${p.role!""}</#if><#sep>, </#sep></#list>
    </li>
    </#list>
  </ul>
  <#else>
  <p>${t("record.table_empty")}</p>
  </#if>
</section>
</#if>

<#if part.conversation>
<section aria-labelledby="gesprek">
  <h2 id="gesprek">${t("record.conversation")}</h2>
  <#list part.chapters as piece>
  <#assign c = piece.chapter>
  <section class="chapter" aria-labelledby="fase-${piece.number - 1}">
    <h3 id="fase-${piece.number - 1}"><span class="step">${t("record.phase_n", piece.number)}</span> ${c.title}<#if piece.continued> <span class="continued">${t("record.phase_continued")}</span></#if></h3>
    <#if !piece.continued>
    <p class="when">${t("record.phase_started", dates.time(c.startedAt))}</p>
    <#if c.prompt??><blockquote class="prompt"><p>${c.prompt}</p></blockquote></#if>
    </#if>
    <#list piece.stories as p>
      <@post p=p n=piece.before + p?counter level=4/>
    </#list>
    <#if piece.continues>
    <p class="see"><a href="${partHref(part.number + 1)}">${t("record.phase_continues", part.number + 1)}</a></p>
    <#else>
    <#if c.knelpunten gt 0>
    <p class="see"><#if pdf>${t("record.phase_barriers", c.knelpunten)}<#else><a href="<#if paged>${partHref(knelpuntenPart)}</#if>#knelpunten">${t("record.phase_barriers", c.knelpunten)}</a></#if></p>
    </#if>
    <#if !c.stories?has_content && c.knelpunten == 0><p class="quiet">${t("record.phase_quiet")}</p></#if>
    </#if>
  </section>
  </#list>
</section>
</#if>

<#if part.knelpuntenSection>
<section aria-labelledby="knelpunten" id="knelpunten-sectie">
  <h2 id="knelpunten">${t("record.barriers")}</h2>
  <#if part.knelpunten?has_content>
  <#list part.knelpunten as p>
    <@post p=p n=part.knelpuntenBefore + p?counter level=3>
      <#if !p.removed()>
      <#assign f = followups[p.id]!"">
      <div class="followup">
        <h4>${t("followup.heading")}</h4>
        <#if f?has_content>
        <p><span class="status status-${f.status}">${t("followup.status." + f.status)}</span>
           <span class="signed">${t("followup.signed", f.signature, dates.dayTime(f.at))}</span></p>
        <#if f.answer??><p class="answer"><@l.lines f.answer/></p></#if>
        <#if f.history?size gt 1>
        <details><summary>${t("followup.history")}</summary>
          <ol class="history">
          <#list f.history as h><li>${dates.dayTime(h.at)}: ${t("followup.status." + h.status)} (${h.signature})<#if h.answer??>: ${h.answer}</#if></li></#list>
          </ol>
        </details>
        </#if>
        <#else>
        <p class="quiet">${t("followup.none")}</p>
        </#if>
        <#if canAnswer && !pdf>
        <form method="post" action="/archief/${s.id}/knelpunten/${p.id}" class="answer-form">
          <fieldset>
            <legend>${t("followup.form_legend")}</legend>
            <label for="status-${p.id}">${t("followup.status_label")}</label>
            <select id="status-${p.id}" name="status" required="">
              <#if !f?has_content><option value="" selected="">${t("followup.status_choose")}</option></#if>
              <#list statuses as st><option value="${st}"<#if f?has_content && f.status == st> selected=""</#if>>${t("followup.status." + st)}</option></#list>
            </select>
            <label for="answer-${p.id}">${t("followup.answer_label")}</label>
            <textarea id="answer-${p.id}" name="answer" rows="4" maxlength="4000"><#if f?has_content && f.answer??>${f.answer}</#if></textarea>
            <button type="submit">${t("followup.save")}</button>
          </fieldset>
        </form>
        </#if>
      </div>
      <@rec.similar items=(similar[p.id])![]/>
      </#if>
    </@post>
  </#list>
  <#else>
  <p>${t("record.barriers_none")}</p>
  </#if>
</section>
</#if>

<#if part.ending>
<section aria-labelledby="verbindingen">
  <h2 id="verbindingen">${t("record.connections")}</h2>
  <#if record.connections?has_content>
  <p>${t("record.connections_intro", record.counts.connections, record.counts.crossConnections)}</p>
  <#if !pdf && diagram??>
  <figure class="web">
    <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${diagram.size} ${diagram.size}" role="img" aria-labelledby="web-title">
      <title id="web-title">${t("record.web_title")}</title>
      <#list diagram.edges as e><line x1="${e.x1}" y1="${e.y1}" x2="${e.x2}" y2="${e.y2}" stroke="#1f5f8b" stroke-width="${e.width}" stroke-opacity="0.7"/></#list>
      <#list diagram.nodes as n><circle cx="${n.x}" cy="${n.y}" r="7" fill="#0b3d62"/><text x="${n.labelX}" y="${n.labelY}" text-anchor="${n.anchor}" font-size="13" fill="#1a1a1a">${n.name}</text></#list>
    </svg>
    <figcaption>${t("record.web_caption")}</figcaption>
  </figure>
  </#if>
  <ul class="links">
    <#list record.web as w><li>${w.a} — ${w.b}<#if w.count gt 1> (${w.count}×)</#if></li></#list>
  </ul>
  <#else>
  <p>${t("record.connections_none")}</p>
  </#if>
</section>

<section aria-labelledby="oogst">
  <h2 id="oogst">${t("record.harvest")}</h2>
  <#if record.harvest??>
  <#if record.harvest.harvest??><h3>${t("record.harvest_what")}</h3><p class="harvest"><@l.lines record.harvest.harvest/></p></#if>
  <#if record.harvest.agreements??><h3>${t("record.harvest_agreements")}</h3><p class="harvest"><@l.lines record.harvest.agreements/></p></#if>
  <p class="when">${t("record.harvest_added", dates.dayTime(record.harvest.at))}</p>
  <#else>
  <p>${t("record.harvest_none")}</p>
  </#if>
</section>
</#if>
<#if paged><@partsStep/></#if>
</article>
</@l.page>

<#function partHref n><#return "/archief/" + s.id + "?deel=" + n></#function>

<#-- The parts of a very large record: where the reader is (aria-current) and what each part holds. -->
<#macro partsNav>
<nav class="parts" aria-label="${t("record.parts_label")}" data-record="/archief/${s.id}">
  <ol>
  <#list parts as pt>
    <li><a href="${partHref(pt.number)}"<#if pt.number == part.number> aria-current="page"</#if>><#if pt.conversation && pt.firstStory == 0>${t("record.part_conversation", pt.number)}<#elseif pt.conversation>${t(pt.ending?then("record.part_stories_end", "record.part_stories"), pt.number, pt.firstStory, pt.lastStory)}<#else>${t(pt.ending?then("record.part_knelpunten_end", "record.part_knelpunten"), pt.number, pt.firstKnelpunt(), pt.lastKnelpunt())}</#if></a></li>
  </#list>
  </ol>
</nav>
<script src="/assets/archive/record-parts.js" defer=""></script>
</#macro>

<#-- The way on at the end of a part: the part before and the part after. -->
<#macro partsStep>
<nav class="parts-step" aria-label="${t("record.parts_step_label")}">
  <#if part.number gt 1><a href="${partHref(part.number - 1)}" rel="prev">${t("record.part_previous", part.number - 1)}</a></#if>
  <#if part.number lt parts?size><a href="${partHref(part.number + 1)}" rel="next">${t("record.part_next", part.number + 1)}</a></#if>
</nav>
</#macro>

<#-- level: the post's heading level, one below the section it is in (h4 in a phase, h3 under Knelpunten). -->
<#macro post p n level>
<article class="post<#if p.removed()> removed</#if><#if p.barrier()> barrier</#if>" id="<#if p.barrier()>k<#else>v</#if>-${p.id}">
  <#if p.removed()>
  <h${level}>${t(p.barrier()?then("record.barrier_n", "record.story_n"), n)}</h${level}>
  <p class="marker">${t("removal." + p.removal.why, dates.dayTime(p.removal.at))}<#if p.removal.reason?? && p.removal.why == "hidden"> ${t("removal.reason", p.removal.reason)}</#if></p>
  <#else>
  <h${level}><#if p.title??>${p.title}<#else>${t(p.barrier()?then("record.barrier_n", "record.story_n"), n)}</#if><#if p.telling> <span class="tag">${t("record.telling")}</span></#if></h${level}>
  <p class="text"><@l.lines p.text/></p>
  <p class="by">${t("record.told_by")} <@l.person p=p.author/><#if p.barrier() && p.phaseTitle??> · ${p.phaseTitle}</#if> · <span class="time">${dates.time(p.at)}</span></p>
  </#if>
  <#if p.recognitions?has_content>
  <div class="recognitions">
    <p><strong>${t("record.recognised_by", p.recognitions?size)}</strong></p>
    <ul>
      <#list p.recognitions as r><li><@l.person p=r.by/><#if r.note??>: <q>${r.note}</q><#elseif r.noteGone??>: <span class="marker">${t("record.note_gone." + r.noteGone)}</span></#if></li></#list>
    </ul>
  </div>
  </#if>
  <#nested>
</article>
</#macro>
