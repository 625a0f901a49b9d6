<?xml version="1.0" encoding="UTF-8"?>
<!--
  The dpia HTML report: turns a dpia record (urn:dpia:record:1, see
  dpia-record.rng) into one self-contained HTML file for the compliance
  file. CSS inline, no script, no external reference of any kind (no
  links to load, no fonts, no images: the heat maps are inline SVG).

  An organisation may replace it: give its own to the stylesheet option
  of dpia export, or put a file report.xsl in the user's data folder.
  dpia runs it with libxslt, XSLT 1.0, without access to files or the
  network; xsl:import, xsl:include and document() are refused.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:r="urn:dpia:record:1"
    xmlns:view="urn:dpia:report-view:1"
    exclude-result-prefixes="r view">

  <xsl:output method="html" encoding="UTF-8" indent="no"
              doctype-system="about:legacy-compat"/>

  <!-- Lookups by key, so that a register of hundreds of risks and
       measures costs time in proportion to its size. -->
  <xsl:key name="measures-of-risk" match="r:measure" use="r:addresses/@risk"/>
  <xsl:key name="scored-in-cell" match="r:risk/r:before | r:risk/r:after"
           use="concat(local-name(), ' ', @likelihood, ' ', @severity)"/>
  <xsl:key name="level" match="r:method/r:levels/r:level" use="@id"/>
  <xsl:key name="question" match="r:section/r:question" use="@id"/>
  <xsl:key name="changes-by-day" match="r:history/r:change" use="concat(substring(@at, 1, 10), ' ', @who)"/>
  <xsl:key name="changes-by-item-day" match="r:history/r:change"
           use="concat(substring(@at, 1, 10), ' ', @who, ' ', substring-before(concat(r:what, ' '), ' '), ' ', substring-before(concat(substring-after(r:what, ' '), ' '), ' '))"/>
  <!-- dpia marks the first change of each person and day, and of each
       item among them (the namespace urn:dpia:report-view:1), so that
       a long change log is grouped quickly; a record without the marks
       (given to xsltproc, say) is grouped by keys alone. -->
  <xsl:variable name="marked" select="boolean(/r:record/r:history/r:change[@view:first])"/>

  <!-- Options of dpia export: the template's guidance (each section's
       introduction) only when asked for, and the change log whole only
       when asked for (by default one row per item changed). -->
  <xsl:param name="with-guidance" select="'no'"/>
  <xsl:param name="full-history" select="'no'"/>

  <xsl:variable name="rec" select="/r:record"/>
  <xsl:variable name="m" select="/r:record/r:method"/>
  <xsl:variable name="title" select="/r:record/r:assessment/r:title"/>
  <xsl:variable name="revision">
    <xsl:choose>
      <xsl:when test="/r:record/r:assessment/@revision"><xsl:value-of select="/r:record/r:assessment/@revision"/></xsl:when>
      <xsl:otherwise>1</xsl:otherwise>
    </xsl:choose>
  </xsl:variable>
  <!-- Closed after the screening alone, with the DPO's sign-off. -->
  <xsl:variable name="not-required" select="/r:record/r:assessment/@status = 'not-required'"/>
  <!-- A decided revision is frozen: what approval would need and what a
       decision acknowledges belong to the revision before its decision. -->
  <xsl:variable name="decided" select="contains(' approved approved-with-conditions rejected referred not-required ', concat(' ', /r:record/r:assessment/@status, ' '))"/>
  <!-- The title for the page header: in a CSS string, so without the
       characters that could end the string or the style element. -->
  <xsl:variable name="safe-title"
      select="translate(normalize-space($title), '&lt;&gt;&quot;\&amp;', '‹›”/+')"/>

  <xsl:template match="/">
    <xsl:if test="not(r:record)">
      <xsl:message terminate="yes">not a dpia record (urn:dpia:record:1)</xsl:message>
    </xsl:if>
    <html lang="en">
      <head>
        <title>DPIA: <xsl:value-of select="$title"/></title>
        <meta name="generator" content="{$rec/r:generator/@name} {$rec/r:generator/@version}"/>
        <style>
          <xsl:call-template name="css"/>
        </style>
      </head>
      <body>
        <xsl:call-template name="cover"/>
        <xsl:call-template name="summary"/>
        <xsl:call-template name="contents"/>
        <xsl:apply-templates select="$rec/r:sections/r:section"/>
        <xsl:call-template name="workshops"/>
        <xsl:call-template name="people"/>
        <xsl:call-template name="coverage"/>
        <xsl:call-template name="changelog"/>
        <xsl:call-template name="integrity"/>
      </body>
    </html>
  </xsl:template>

  <!-- ==== the cover ================================================== -->

  <xsl:template name="cover">
    <xsl:variable name="a" select="$rec/r:assessment"/>
    <xsl:variable name="ctl" select="$rec/r:signoffs/r:signoff[@role='controller']"/>
    <section class="cover">
      <p class="kind">Data Protection Impact Assessment</p>
      <p class="law">Article 35 of Regulation (EU) 2016/679 (GDPR)</p>
      <h1><xsl:value-of select="$title"/></h1>
      <table class="facts">
        <tr><th>Controller</th><td>
          <xsl:call-template name="or-not"><xsl:with-param name="v" select="$a/r:controller"/></xsl:call-template>
        </td></tr>
        <tr><th>Status</th><td><xsl:value-of select="$a/@status-label"/></td></tr>
        <tr><th>Revision</th><td><xsl:choose>
          <xsl:when test="$a/@replaces">Revision <xsl:value-of select="$revision"/>, replaces the revision decided on <xsl:value-of select="$a/@replaces"/></xsl:when>
          <xsl:otherwise>Revision <xsl:value-of select="$revision"/></xsl:otherwise>
        </xsl:choose></td></tr>
        <tr><th>Decision</th><td>
          <xsl:choose>
            <xsl:when test="$not-required">No DPIA needed: the screening concluded that no DPIA is required, closed with the DPO's sign-off</xsl:when>
            <xsl:when test="$ctl/@decision"><xsl:value-of select="$ctl/@decision-label"/></xsl:when>
            <xsl:otherwise>No decision recorded</xsl:otherwise>
          </xsl:choose>
        </td></tr>
        <tr><th>Controller's decision-maker</th><td>
          <xsl:call-template name="person"><xsl:with-param name="s" select="$ctl"/></xsl:call-template>
        </td></tr>
        <tr><th>Data Protection Officer</th><td>
          <xsl:call-template name="person">
            <xsl:with-param name="s" select="$rec/r:signoffs/r:signoff[@role='dpo']"/>
          </xsl:call-template>
        </td></tr>
        <tr><th>The DPO's contact details</th><td>
          <xsl:call-template name="or-not"><xsl:with-param name="v" select="$a/r:dpo-contact"/></xsl:call-template>
        </td></tr>
        <tr><th>Measures approved by</th><td><xsl:call-template name="approver"/></td></tr>
        <tr><th>Residual risks accepted by</th><td><xsl:call-template name="approver"/></td></tr>
        <tr><th>Started</th><td><xsl:value-of select="substring($a/@created, 1, 10)"/></td></tr>
        <tr><th>Last changed</th><td><xsl:call-template name="time"><xsl:with-param name="t" select="$a/@updated"/></xsl:call-template></td></tr>
        <tr><th>Next review</th><td>
          <xsl:choose>
            <xsl:when test="$a/@review-date"><xsl:value-of select="$a/@review-date"/></xsl:when>
            <xsl:otherwise>Not set</xsl:otherwise>
          </xsl:choose>
        </td></tr>
        <tr><th>Template</th><td><xsl:value-of select="$rec/r:template/r:title"/>,
          <xsl:value-of select="$rec/r:template/@id"/> version <xsl:value-of select="$rec/r:template/@version"/></td></tr>
        <tr><th>Reference</th><td class="mono"><xsl:value-of select="$a/@uuid"/></td></tr>
      </table>
      <xsl:call-template name="integrity-lines"/>
    </section>
  </xsl:template>

  <xsl:template name="person">
    <xsl:param name="s"/>
    <xsl:choose>
      <xsl:when test="normalize-space($s/r:name) != ''">
        <xsl:value-of select="$s/r:name"/>
        <xsl:if test="normalize-space($s/r:position) != ''">, <xsl:value-of select="$s/r:position"/></xsl:if>
        <xsl:if test="$s/@date"> (<xsl:value-of select="$s/@date"/>)</xsl:if>
      </xsl:when>
      <xsl:otherwise>Not recorded</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="or-not">
    <xsl:param name="v"/>
    <xsl:choose>
      <xsl:when test="normalize-space($v) != ''"><span class="text"><xsl:value-of select="$v"/></span></xsl:when>
      <xsl:otherwise>Not recorded</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Who approved the measures and accepted the residual risks: the
       controller's decision-maker, by an approval; nobody otherwise. -->
  <xsl:template name="approver">
    <xsl:variable name="ctl" select="$rec/r:signoffs/r:signoff[@role='controller']"/>
    <xsl:choose>
      <xsl:when test="$not-required">Not applicable: no DPIA required</xsl:when>
      <xsl:when test="$ctl/@decision = 'approve' or $ctl/@decision = 'approve-with-conditions'">
        <xsl:call-template name="person"><xsl:with-param name="s" select="$ctl"/></xsl:call-template>,
        by the decision "<xsl:value-of select="$ctl/@decision-label"/>"</xsl:when>
      <xsl:when test="$ctl/@decision">Nobody: the decision was "<xsl:value-of select="$ctl/@decision-label"/>" (<xsl:call-template name="person"><xsl:with-param name="s" select="$ctl"/></xsl:call-template>)</xsl:when>
      <xsl:otherwise>Nobody yet: no decision recorded</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A risk's level before and after measures, in words, and which way
       it moved. -->
  <xsl:template name="movement">
    <xsl:param name="r"/>
    <xsl:variable name="b" select="key('level', $r/r:before/@level)/@rank"/>
    <xsl:variable name="f" select="key('level', $r/r:after/@level)/@rank"/>
    <xsl:choose>
      <xsl:when test="$r/r:before/@level"><span class="lvl {$r/r:before/@level}"><xsl:value-of select="$r/r:before/@level-name"/></span></xsl:when>
      <xsl:otherwise><span class="none">not scored</span></xsl:otherwise>
    </xsl:choose>
    <xsl:text> → </xsl:text>
    <xsl:choose>
      <xsl:when test="$r/r:after/@level"><span class="lvl {$r/r:after/@level}"><xsl:value-of select="$r/r:after/@level-name"/></span></xsl:when>
      <xsl:otherwise><span class="none">not scored</span></xsl:otherwise>
    </xsl:choose>
    <xsl:if test="$b and $f">
      <span class="move">
        <xsl:choose>
          <xsl:when test="$f &lt; $b"> (lowered)</xsl:when>
          <xsl:when test="$f &gt; $b"> (raised)</xsl:when>
          <xsl:otherwise> (unchanged)</xsl:otherwise>
        </xsl:choose>
      </span>
    </xsl:if>
  </xsl:template>

  <!-- The DPO's judgement of a section, in words. -->
  <xsl:template name="verdict">
    <xsl:param name="j"/>
    <xsl:choose>
      <xsl:when test="$j/@verdict = 'acceptable'"><strong>Acceptable</strong></xsl:when>
      <xsl:when test="$j/@verdict = 'improve'"><strong>To be improved</strong></xsl:when>
      <xsl:otherwise><span class="none">Not judged</span></xsl:otherwise>
    </xsl:choose>
    <xsl:if test="$j/@verdict and (normalize-space($j/r:name) != '' or $j/@date)">
      <xsl:text> (</xsl:text><xsl:value-of select="$j/r:name"/>
      <xsl:if test="normalize-space($j/r:name) != '' and $j/@date">, </xsl:if>
      <xsl:value-of select="$j/@date"/><xsl:text>)</xsl:text>
    </xsl:if>
  </xsl:template>

  <xsl:template name="integrity-lines">
    <dl class="integrity">
      <dt>Generated by</dt>
      <dd><xsl:value-of select="$rec/r:generator/@name"/>&#160;<xsl:value-of select="$rec/r:generator/@version"/>,
        <xsl:call-template name="time"><xsl:with-param name="t" select="$rec/r:generator/@exported"/></xsl:call-template></dd>
      <dt>Template digest (SHA-256)</dt>
      <dd class="mono"><xsl:value-of select="$rec/r:template/@digest"/></dd>
      <dt>Record digest (SHA-256)</dt>
      <dd class="mono"><xsl:value-of select="$rec/r:digest"/></dd>
    </dl>
  </xsl:template>

  <xsl:template name="time">
    <xsl:param name="t"/>
    <xsl:value-of select="concat(substring($t, 1, 10), ' ', substring($t, 12, 5), ' UTC')"/>
  </xsl:template>

  <!-- ==== the summary ================================================ -->

  <xsl:template name="summary">
    <xsl:variable name="s" select="$rec/r:summary"/>
    <xsl:variable name="dpo" select="$rec/r:signoffs/r:signoff[@role='dpo']"/>
    <section class="summary" id="summary">
      <h2>Summary</h2>
      <xsl:if test="$not-required">
        <p class="outcome"><strong>DPIA not required.</strong> The screening concluded that no DPIA is needed for this processing; the assessment was closed on the screening alone, with the Data Protection Officer's sign-off (<xsl:call-template name="person"><xsl:with-param name="s" select="$dpo"/></xsl:call-template>).</p>
      </xsl:if>
      <table class="facts">
        <xsl:variable name="what" select="$rec/r:sections/r:section[@kind = 'screening']/r:question[@type = 'text'][not(@applicable = 'no')][normalize-space(r:answer/r:value) != ''][1]"/>
        <tr><th>The processing</th><td>
          <xsl:choose>
            <xsl:when test="$what"><div class="text"><xsl:value-of select="$what/r:answer/r:value"/></div></xsl:when>
            <xsl:otherwise>Not described yet</xsl:otherwise>
          </xsl:choose>
        </td></tr>
        <xsl:variable name="ctl" select="$rec/r:signoffs/r:signoff[@role='controller']"/>
        <tr><th>Decision</th><td>
          <xsl:choose>
            <xsl:when test="$not-required">DPIA not required</xsl:when>
            <xsl:when test="$ctl/@decision">
              <strong><xsl:value-of select="$ctl/@decision-label"/></strong>,
              <xsl:call-template name="person"><xsl:with-param name="s" select="$ctl"/></xsl:call-template>
              <xsl:if test="normalize-space($ctl/r:advice) != ''">
                <p class="small"><xsl:choose>
                  <xsl:when test="$ctl/@decision = 'approve-with-conditions'">Conditions:</xsl:when>
                  <xsl:otherwise>Comment:</xsl:otherwise>
                </xsl:choose></p>
                <div class="text"><xsl:value-of select="$ctl/r:advice"/></div>
              </xsl:if>
            </xsl:when>
            <xsl:otherwise>No decision recorded</xsl:otherwise>
          </xsl:choose>
        </td></tr>
        <tr><th>Next review</th><td>
          <xsl:choose>
            <xsl:when test="$rec/r:assessment/@review-date"><xsl:value-of select="$rec/r:assessment/@review-date"/></xsl:when>
            <xsl:otherwise>Not set</xsl:otherwise>
          </xsl:choose>
        </td></tr>
        <tr><th>Screening (WP248)</th><td>
          <strong><xsl:value-of select="$s/r:screening/@label"/></strong>
          <xsl:if test="$s/r:screening/r:criterion">
            <ul><xsl:for-each select="$s/r:screening/r:criterion">
              <li>Criterion <xsl:value-of select="@number"/>: <xsl:value-of select="."/></li>
            </xsl:for-each></ul>
          </xsl:if>
          <xsl:for-each select="$s/r:screening/r:ground"><p>Mandatory case: <xsl:value-of select="."/></p></xsl:for-each>
          <p class="small"><xsl:value-of select="$s/r:screening/r:rule"/></p>
        </td></tr>
        <tr><th>Highest residual risk</th><td>
          <xsl:choose>
            <xsl:when test="$s/r:highest-residual/@level">
              <span class="lvl {$s/r:highest-residual/@level}"><xsl:value-of select="$s/r:highest-residual/@level-name"/></span>
            </xsl:when>
            <xsl:otherwise>No risk scored yet</xsl:otherwise>
          </xsl:choose>
          <xsl:if test="$rec/r:risks/r:risk">
            <p class="small">The highest risks, before and after measures:</p>
            <ul class="top-risks">
              <xsl:for-each select="$rec/r:risks/r:risk">
                <xsl:sort select="key('level', r:after/@level)/@rank" data-type="number" order="descending"/>
                <xsl:sort select="key('level', r:before/@level)/@rank" data-type="number" order="descending"/>
                <xsl:if test="position() &lt;= 5">
                  <li>R<xsl:value-of select="@number"/>. <xsl:value-of select="r:title"/>:
                    <xsl:call-template name="movement"><xsl:with-param name="r" select="."/></xsl:call-template></li>
                </xsl:if>
              </xsl:for-each>
            </ul>
            <xsl:if test="count($rec/r:risks/r:risk) &gt; 5">
              <p class="small">and <xsl:value-of select="count($rec/r:risks/r:risk) - 5"/> more in the risk register.</p>
            </xsl:if>
          </xsl:if>
        </td></tr>
        <tr><th>Prior consultation (Art. 36)</th><td>
          <xsl:choose>
            <xsl:when test="$s/r:art36/@required = 'yes'"><strong>Required.</strong> A residual risk stays high: the supervisory authority must be consulted before the processing starts.</xsl:when>
            <!-- Judged on the whole register, as on the sign-off page. -->
            <xsl:when test="$rec/r:risks/r:risk[not(r:before/@level) or not(r:after/@level)] or (not($rec/r:risks/r:risk) and $rec/r:assessment/@status != 'not-required')">To be judged once the risks are scored.</xsl:when>
            <xsl:otherwise>Not required: no residual risk is high.</xsl:otherwise>
          </xsl:choose>
        </td></tr>
        <tr><th>Open measures</th><td>
          <xsl:value-of select="$s/r:measures/@open"/> of <xsl:value-of select="$s/r:measures/@total"/>
          <xsl:if test="$rec/r:measures/r:measure[@status='planned' or @status='in-progress']">
            <ul><xsl:for-each select="$rec/r:measures/r:measure[@status='planned' or @status='in-progress']">
              <li><xsl:choose>
                <xsl:when test="@due">M<xsl:value-of select="@number"/>: <xsl:value-of select="r:title"/>
                (<xsl:value-of select="r:owner"/>, due <xsl:value-of select="@due"/>)</xsl:when>
                <xsl:otherwise>M<xsl:value-of select="@number"/>: <xsl:value-of select="r:title"/>
                (<xsl:value-of select="r:owner"/>)</xsl:otherwise>
              </xsl:choose></li>
            </xsl:for-each></ul>
          </xsl:if>
        </td></tr>
        <tr><th>The DPO's advice</th><td>
          <xsl:choose>
            <xsl:when test="normalize-space($dpo/r:advice) != ''">
              <div class="text"><xsl:value-of select="$dpo/r:advice"/></div>
              <p class="small">
                <xsl:choose>
                  <xsl:when test="$dpo/@advice-followed = 'yes'">The advice was followed.</xsl:when>
                  <xsl:when test="$dpo/@advice-followed = 'no'">The advice was not followed. Reasons: <xsl:value-of select="$dpo/r:why-not"/></xsl:when>
                  <xsl:otherwise>Whether the advice was followed is not recorded.</xsl:otherwise>
                </xsl:choose>
              </p>
            </xsl:when>
            <xsl:otherwise>Not recorded</xsl:otherwise>
          </xsl:choose>
        </td></tr>
        <xsl:if test="$rec/r:sections/r:section/r:judgement">
          <tr><th>The DPO's judgement by section</th><td>
            <ul class="judged">
              <xsl:for-each select="$rec/r:sections/r:section">
                <li><xsl:value-of select="r:title"/>: <xsl:call-template name="verdict"><xsl:with-param name="j" select="r:judgement"/></xsl:call-template></li>
              </xsl:for-each>
            </ul>
          </td></tr>
        </xsl:if>
        <tr><th>Completion</th><td><xsl:value-of select="$s/r:progress/@percent"/>% (<xsl:value-of select="$s/r:progress/@answered"/> of <xsl:value-of select="$s/r:progress/@total"/> items)</td></tr>
      </table>
      <!-- What approval would need applies only before the decision. -->
      <xsl:if test="$s/r:blockers/r:blocker and not($decided)">
        <h3>Outstanding before sign-off</h3>
        <ul><xsl:for-each select="$s/r:blockers/r:blocker"><li><xsl:value-of select="."/></li></xsl:for-each></ul>
      </xsl:if>
      <xsl:if test="$s/r:warnings/r:warning and not($decided)">
        <h3>To acknowledge with the decision</h3>
        <ul><xsl:for-each select="$s/r:warnings/r:warning"><li><xsl:value-of select="."/></li></xsl:for-each></ul>
      </xsl:if>
    </section>
  </xsl:template>

  <!-- ==== contents ==================================================== -->

  <xsl:template name="contents">
    <nav class="contents">
      <h2>Contents</h2>
      <ol>
        <li><a href="#summary">Summary</a></li>
        <xsl:for-each select="$rec/r:sections/r:section">
          <li><a href="#s-{@id}"><xsl:value-of select="r:title"/></a></li>
        </xsl:for-each>
        <xsl:if test="$rec/r:workshops"><li><a href="#workshops">Workshops and consultation</a></li></xsl:if>
        <xsl:if test="$rec/r:members"><li><a href="#people">People and roles</a></li></xsl:if>
        <li><a href="#coverage"><xsl:call-template name="coverage-title"/></a></li>
        <li><a href="#changes">Appendix: change log</a></li>
        <li><a href="#integrity">Appendix: integrity of this report</a></li>
      </ol>
    </nav>
  </xsl:template>

  <!-- ==== sections and questions ====================================== -->

  <xsl:template match="r:section">
    <section class="part" id="s-{@id}">
      <h2><xsl:value-of select="position()"/>. <xsl:value-of select="r:title"/></h2>
      <xsl:if test="r:intro and $with-guidance = 'yes'"><div class="intro text"><xsl:value-of select="r:intro"/></div></xsl:if>
      <xsl:if test="r:judgement">
        <div class="judgement">The DPO's judgement: <xsl:call-template name="verdict"><xsl:with-param name="j" select="r:judgement"/></xsl:call-template>
          <xsl:if test="normalize-space(r:judgement/r:comment) != ''"><div class="text small"><xsl:value-of select="r:judgement/r:comment"/></div></xsl:if>
        </div>
      </xsl:if>
      <xsl:if test="@kind = 'screening'">
        <p class="outcome">Outcome: <strong><xsl:value-of select="$rec/r:summary/r:screening/@label"/></strong>.
          <xsl:value-of select="$rec/r:summary/r:screening/r:rule"/></p>
      </xsl:if>
      <!-- Answers that the current answers make not applicable stay in
           the record, not in the report. -->
      <xsl:apply-templates select="r:question[not(@applicable = 'no')]"/>
      <xsl:if test="@kind = 'risks'"><xsl:call-template name="risks"/></xsl:if>
      <xsl:if test="@kind = 'measures'"><xsl:call-template name="measures"/></xsl:if>
      <xsl:if test="@kind = 'signoff'"><xsl:call-template name="signoffs"/></xsl:if>
    </section>
  </xsl:template>

  <xsl:template match="r:question">
    <div class="q" id="q-{@id}">
      <p class="prompt"><xsl:value-of select="r:prompt"/>
        <xsl:if test="@required = 'yes'"><span class="req"> (required)</span></xsl:if></p>
      <xsl:if test="r:ref">
        <p class="refs"><xsl:for-each select="r:ref"><xsl:if test="position() > 1"> · </xsl:if><xsl:value-of select="."/></xsl:for-each></p>
      </xsl:if>
      <xsl:variable name="an" select="r:answer"/>
      <xsl:choose>
        <xsl:when test="normalize-space($an/r:value) = ''"><p class="none">Not answered</p></xsl:when>
        <xsl:when test="$an/r:item"><ul class="answer"><xsl:for-each select="$an/r:item"><li><xsl:value-of select="."/></li></xsl:for-each></ul></xsl:when>
        <xsl:when test="$an/r:rows">
          <!-- a table answer: each row's reference, then its cells under
               the column labels -->
          <table class="grid rows">
            <tr><th>Ref</th><xsl:for-each select="r:column"><th><xsl:value-of select="."/></th></xsl:for-each></tr>
            <xsl:for-each select="$an/r:rows/r:row">
              <tr id="row-{@ref}"><td class="mono"><xsl:value-of select="@ref"/></td><xsl:for-each select="r:cell"><td><xsl:value-of select="."/></td></xsl:for-each></tr>
            </xsl:for-each>
          </table>
        </xsl:when>
        <xsl:when test="@type = 'text'"><div class="answer text"><xsl:value-of select="$an/r:value"/></div></xsl:when>
        <xsl:otherwise><p class="answer"><xsl:value-of select="$an/r:display"/></p></xsl:otherwise>
      </xsl:choose>
      <xsl:if test="normalize-space($an/r:note) != ''"><p class="note">Note: <span class="text"><xsl:value-of select="$an/r:note"/></span></p></xsl:if>
      <xsl:if test="$an/@flagged = 'yes'"><p class="flag">Marked for follow-up</p></xsl:if>
    </div>
  </xsl:template>

  <!-- ==== risks ======================================================== -->

  <xsl:template name="risks">
    <h3>Method: <xsl:value-of select="$m/r:name"/></h3>
    <div class="text small"><xsl:value-of select="$m/r:description"/></div>
    <xsl:if test="$m/r:levels/r:level/@acceptable">
      <p class="threshold"><strong>Acceptance threshold:</strong><xsl:text> </xsl:text>
        <xsl:value-of select="$m/r:levels/r:level[@acceptable = 'yes'][last()]/@name"/>.
        A residual risk at <xsl:for-each select="$m/r:levels/r:level[@acceptable = 'yes']"><xsl:if test="position() > 1"><xsl:choose><xsl:when test="position() = last()"> or </xsl:when><xsl:otherwise>, </xsl:otherwise></xsl:choose></xsl:if><xsl:value-of select="@name"/></xsl:for-each>
        may be accepted; one at <xsl:for-each select="$m/r:levels/r:level[not(@acceptable)]"><xsl:if test="position() > 1"><xsl:choose><xsl:when test="position() = last()"> or </xsl:when><xsl:otherwise>, </xsl:otherwise></xsl:choose></xsl:if><xsl:value-of select="@name"/></xsl:for-each>
        may not.</p>
    </xsl:if>
    <table class="grid scales">
      <thead><tr><th>Level</th><th>Likelihood</th><th>Severity</th></tr></thead>
      <tbody>
        <xsl:for-each select="$m/r:likelihood/r:level">
          <xsl:variable name="v" select="@value"/>
          <tr><td><xsl:value-of select="$v"/></td>
            <td><strong><xsl:value-of select="@name"/></strong>: <xsl:value-of select="normalize-space(.)"/></td>
            <td><xsl:for-each select="$m/r:severity/r:level[@value = $v]"><strong><xsl:value-of select="@name"/></strong>: <xsl:value-of select="normalize-space(.)"/></xsl:for-each></td></tr>
        </xsl:for-each>
      </tbody>
    </table>
    <h3>Risk register</h3>
    <div class="maps">
      <xsl:call-template name="heatmap"><xsl:with-param name="which" select="'before'"/><xsl:with-param name="caption">Before measures</xsl:with-param></xsl:call-template>
      <xsl:call-template name="heatmap"><xsl:with-param name="which" select="'after'"/><xsl:with-param name="caption">After measures (residual)</xsl:with-param></xsl:call-template>
      <div class="legend">
        <p><strong>Levels</strong></p>
        <ul>
          <xsl:for-each select="$m/r:levels/r:level">
            <li><svg width="14" height="14" viewBox="0 0 14 14" aria-hidden="true"><rect x="0.5" y="0.5" width="13" height="13" stroke="#555" stroke-width="1">
              <xsl:attribute name="fill"><xsl:call-template name="fill"><xsl:with-param name="lv" select="."/></xsl:call-template></xsl:attribute></rect></svg>
              <xsl:text> </xsl:text><xsl:value-of select="@name"/><xsl:if test="@high = 'yes'"> (high: Art. 36 if it remains)</xsl:if><xsl:if test="@acceptable = 'yes'"> (acceptable)</xsl:if></li>
          </xsl:for-each>
        </ul>
        <xsl:if test="$rec/r:risks/r:risk">
          <p><strong>Movement</strong></p>
          <ul class="moves">
            <xsl:for-each select="$rec/r:risks/r:risk">
              <li>R<xsl:value-of select="@number"/>: <xsl:call-template name="movement"><xsl:with-param name="r" select="."/></xsl:call-template></li>
            </xsl:for-each>
          </ul>
        </xsl:if>
      </div>
    </div>
    <xsl:choose>
      <xsl:when test="not($rec/r:risks/r:risk)"><p class="none">No risk recorded.</p></xsl:when>
      <xsl:otherwise>
        <table class="grid register">
          <thead><tr><th>Risk</th><th>Description</th><th>Before measures</th><th>Measures</th><th>After measures</th></tr></thead>
          <tbody>
            <xsl:for-each select="$rec/r:risks/r:risk">
              <xsl:variable name="n" select="@number"/>
              <tr>
                <td class="id">R<xsl:value-of select="$n"/></td>
                <td><strong><xsl:value-of select="r:title"/></strong>
                  <p class="small"><em>Type:</em><xsl:text> </xsl:text><xsl:choose>
                    <xsl:when test="@type-label"><xsl:value-of select="@type-label"/></xsl:when>
                    <xsl:otherwise>Not said</xsl:otherwise>
                  </xsl:choose></p>
                  <div class="text"><xsl:value-of select="r:description"/></div>
                  <xsl:call-template name="labelled"><xsl:with-param name="label">Risk sources</xsl:with-param><xsl:with-param name="v" select="r:source"/></xsl:call-template>
                  <xsl:call-template name="labelled"><xsl:with-param name="label">Threats</xsl:with-param><xsl:with-param name="v" select="r:threats"/></xsl:call-template>
                  <xsl:call-template name="labelled"><xsl:with-param name="label">Impacts on people</xsl:with-param><xsl:with-param name="v" select="r:impacts"/></xsl:call-template>
                  <xsl:call-template name="labelled"><xsl:with-param name="label">Table rows concerned</xsl:with-param><xsl:with-param name="v" select="r:concerns"/></xsl:call-template>
                </td>
                <td><xsl:apply-templates select="r:before"/></td>
                <td><xsl:for-each select="key('measures-of-risk', $n)"><xsl:if test="position() > 1">, </xsl:if>M<xsl:value-of select="@number"/></xsl:for-each></td>
                <td><xsl:apply-templates select="r:after"/></td>
              </tr>
            </xsl:for-each>
          </tbody>
        </table>
        <h3>Reasons for the scores</h3>
        <xsl:for-each select="$rec/r:risks/r:risk">
          <div class="why">
            <p><strong>R<xsl:value-of select="@number"/>. <xsl:value-of select="r:title"/></strong></p>
            <dl>
              <dt>Likelihood before measures</dt><dd class="text"><xsl:value-of select="r:before/r:likelihood-why"/></dd>
              <dt>Severity before measures</dt><dd class="text"><xsl:value-of select="r:before/r:severity-why"/></dd>
              <dt>Likelihood after measures</dt><dd class="text"><xsl:value-of select="r:after/r:likelihood-why"/></dd>
              <dt>Severity after measures</dt><dd class="text"><xsl:value-of select="r:after/r:severity-why"/></dd>
            </dl>
          </div>
        </xsl:for-each>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The colour of a level: the same in the maps and their legend. -->
  <xsl:template name="fill">
    <xsl:param name="lv"/>
    <xsl:choose>
      <xsl:when test="$lv/@high = 'yes'">#e8c4bf</xsl:when>
      <xsl:when test="$lv/@rank = 1">#dbe7d3</xsl:when>
      <xsl:otherwise>#f2e3bd</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="labelled">
    <xsl:param name="label"/>
    <xsl:param name="v"/>
    <xsl:if test="normalize-space($v) != ''"><p class="small"><em><xsl:value-of select="$label"/>:</em> <span class="text"><xsl:value-of select="$v"/></span></p></xsl:if>
  </xsl:template>

  <xsl:template match="r:before | r:after">
    <xsl:choose>
      <xsl:when test="@level">
        <span class="lvl {@level}"><xsl:value-of select="@level-name"/></span>
        <p class="small">Likelihood: <xsl:value-of select="@likelihood-name"/> (<xsl:value-of select="@likelihood"/>)<br/>
          Severity: <xsl:value-of select="@severity-name"/> (<xsl:value-of select="@severity"/>)</p>
        <xsl:if test="self::r:after and $m/r:levels/r:level/@acceptable">
          <xsl:choose>
            <xsl:when test="key('level', @level)/@acceptable = 'yes'"><p class="small accept">Acceptable: at or below the threshold.</p></xsl:when>
            <xsl:otherwise><p class="small accept"><strong>Not acceptable:</strong> above the threshold.</p></xsl:otherwise>
          </xsl:choose>
        </xsl:if>
      </xsl:when>
      <xsl:otherwise><span class="none">Not scored</span></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A heat map: likelihood upwards, severity to the right, each cell
       coloured by its level, the risks placed in their cells. -->
  <xsl:template name="heatmap">
    <xsl:param name="which"/>
    <xsl:param name="caption"/>
    <xsl:variable name="nl" select="count($m/r:likelihood/r:level)"/>
    <xsl:variable name="ns" select="count($m/r:severity/r:level)"/>
    <xsl:variable name="cw" select="100"/>
    <xsl:variable name="ch" select="56"/>
    <xsl:variable name="left" select="110"/>
    <figure class="heatmap">
      <svg width="{$left + $ns * $cw + 10}" height="{$nl * $ch + 60}" viewBox="0 0 {$left + $ns * $cw + 10} {$nl * $ch + 60}" role="img" aria-label="Heat map {$caption}">
        <xsl:for-each select="$m/r:matrix/r:cell">
          <xsl:variable name="l" select="@likelihood"/>
          <xsl:variable name="s" select="@severity"/>
          <xsl:variable name="lv" select="key('level', @level)"/>
          <xsl:variable name="x" select="$left + ($s - 1) * $cw"/>
          <xsl:variable name="y" select="($nl - $l) * $ch"/>
          <rect x="{$x}" y="{$y}" width="{$cw}" height="{$ch}" stroke="#555" stroke-width="1">
            <xsl:attribute name="fill"><xsl:call-template name="fill"><xsl:with-param name="lv" select="$lv"/></xsl:call-template></xsl:attribute>
          </rect>
          <text x="{$x + $cw - 5}" y="{$y + $ch - 6}" font-size="9" text-anchor="end" font-family="Georgia, serif" fill="#444"><xsl:value-of select="$lv/@name"/></text>
          <xsl:for-each select="key('scored-in-cell', concat($which, ' ', $l, ' ', $s))">
            <text x="{$x + 8 + ((position() - 1) mod 4) * 23}" y="{$y + 18 + floor((position() - 1) div 4) * 15}" font-size="12" font-family="Helvetica, Arial, sans-serif" font-weight="bold" fill="#111">R<xsl:value-of select="../@number"/></text>
          </xsl:for-each>
        </xsl:for-each>
        <xsl:for-each select="$m/r:likelihood/r:level">
          <text x="{$left - 6}" y="{($nl - @value) * $ch + $ch div 2 + 4}" font-size="11" text-anchor="end" font-family="Georgia, serif"><xsl:value-of select="@name"/></text>
        </xsl:for-each>
        <xsl:for-each select="$m/r:severity/r:level">
          <text x="{$left + (@value - 1) * $cw + $cw div 2}" y="{$nl * $ch + 16}" font-size="11" text-anchor="middle" font-family="Georgia, serif"><xsl:value-of select="@name"/></text>
        </xsl:for-each>
        <text x="{$left + $ns * $cw div 2}" y="{$nl * $ch + 40}" font-size="12" text-anchor="middle" font-family="Georgia, serif">Severity →</text>
        <text x="12" y="{$nl * $ch div 2}" font-size="12" font-family="Georgia, serif" transform="rotate(-90 12 {$nl * $ch div 2})" text-anchor="middle">Likelihood →</text>
      </svg>
      <figcaption><xsl:value-of select="$caption"/>
        <xsl:variable name="unscored" select="$rec/r:risks/r:risk[*[local-name() = $which][@likelihood = 0 or @severity = 0]]"/>
        <xsl:if test="$unscored">. Not scored: <xsl:for-each select="$unscored"><xsl:if test="position() > 1">, </xsl:if>R<xsl:value-of select="@number"/></xsl:for-each></xsl:if>
      </figcaption>
    </figure>
  </xsl:template>

  <!-- ==== measures, sign-offs ========================================= -->

  <xsl:template name="measures">
    <h3>Action plan</h3>
    <xsl:choose>
      <xsl:when test="not($rec/r:measures/r:measure)"><p class="none">No measure recorded.</p></xsl:when>
      <xsl:otherwise>
        <table class="grid plan">
          <thead><tr><th>Measure</th><th>Description</th><th>Type</th><th>Owner</th><th>Due</th><th>Status</th><th>Risks</th></tr></thead>
          <tbody>
            <xsl:for-each select="$rec/r:measures/r:measure">
              <tr>
                <td class="id">M<xsl:value-of select="@number"/></td>
                <td><strong><xsl:value-of select="r:title"/></strong><div class="text"><xsl:value-of select="r:description"/></div>
                  <xsl:if test="r:group"><p class="small"><em>Group:</em><xsl:text> </xsl:text><xsl:choose><xsl:when test="r:group/@name"><xsl:value-of select="r:group/@name"/></xsl:when><xsl:otherwise><xsl:value-of select="r:group"/></xsl:otherwise></xsl:choose></p></xsl:if></td>
                <td><xsl:value-of select="@type-label"/></td>
                <td><xsl:value-of select="r:owner"/></td>
                <td class="nowrap"><xsl:value-of select="@due"/></td>
                <td><xsl:value-of select="@status-label"/></td>
                <td><xsl:for-each select="r:addresses"><xsl:if test="position() > 1">, </xsl:if>R<xsl:value-of select="@risk"/></xsl:for-each></td>
              </tr>
            </xsl:for-each>
          </tbody>
        </table>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="signoffs">
    <h3>Sign-offs</h3>
    <table class="grid sign">
      <thead><tr><th>Role</th><th>Name and position</th><th>Date</th><th>Advice, decision or comment</th></tr></thead>
      <tbody>
        <xsl:for-each select="$rec/r:signoffs/r:signoff">
          <tr>
            <td><xsl:value-of select="@role-label"/></td>
            <td><xsl:value-of select="r:name"/><xsl:if test="normalize-space(r:position) != ''"><br/><span class="small"><xsl:value-of select="r:position"/></span></xsl:if></td>
            <td class="nowrap"><xsl:value-of select="@date"/></td>
            <td>
              <xsl:if test="@decision"><p><strong>Decision: <xsl:value-of select="@decision-label"/></strong></p></xsl:if>
              <div class="text"><xsl:value-of select="r:advice"/></div>
              <xsl:if test="@role = 'dpo' and @advice-followed = 'yes'"><p class="small">Advice followed.</p></xsl:if>
              <xsl:if test="@advice-followed = 'no'"><p class="small">Advice not followed. Reasons: <span class="text"><xsl:value-of select="r:why-not"/></span></p></xsl:if>
              <xsl:if test="normalize-space(r:acknowledged) != ''">
                <p class="small">Warnings acknowledged with the decision:</p>
                <div class="text small acknowledged"><xsl:value-of select="r:acknowledged"/></div>
              </xsl:if>
            </td>
          </tr>
        </xsl:for-each>
      </tbody>
    </table>
  </xsl:template>

  <!-- ==== people and roles, the review ================================== -->

  <!-- Who works on the assessment in which role, what was recorded on
       someone's behalf, the steps of its review and the comments left on
       its questions. Only when the record names its members. -->
  <xsl:template name="people">
    <xsl:if test="$rec/r:members">
      <section class="part" id="people">
        <h2>People and roles</h2>
        <p class="small">Each person works on this assessment in one role: the owner manages its members, contributors write it, only the DPO records the DPO's advice and only the decision-maker the decision.</p>
        <table class="grid people">
          <thead><tr><th>Person</th><th>Role</th></tr></thead>
          <tbody>
            <xsl:for-each select="$rec/r:members/r:member">
              <tr><td><xsl:value-of select="@person"/></td><td><xsl:value-of select="@role-label"/></td></tr>
            </xsl:for-each>
          </tbody>
        </table>
        <xsl:if test="$rec/r:on-behalf/r:record">
          <h3>Recorded on someone's behalf</h3>
          <ul class="behalf">
            <xsl:for-each select="$rec/r:on-behalf/r:record">
              <li><span class="mono"><xsl:value-of select="@what"/></span>: recorded by <xsl:value-of select="@recorded-by"/> on behalf of <xsl:value-of select="@for"/> (<xsl:value-of select="@role"/>), <xsl:call-template name="time"><xsl:with-param name="t" select="@at"/></xsl:call-template>. Reason: <xsl:value-of select="."/></li>
            </xsl:for-each>
          </ul>
        </xsl:if>
        <xsl:if test="$rec/r:review/r:step">
          <h3>Review</h3>
          <table class="grid review">
            <thead><tr><th>When</th><th>Who</th><th>Step</th><th>Comment</th></tr></thead>
            <tbody>
              <xsl:for-each select="$rec/r:review/r:step">
                <tr><td class="nowrap"><xsl:call-template name="time"><xsl:with-param name="t" select="@at"/></xsl:call-template></td>
                  <td><xsl:value-of select="@who"/></td><td><xsl:value-of select="@step-label"/></td>
                  <td class="text"><xsl:value-of select="."/></td></tr>
              </xsl:for-each>
            </tbody>
          </table>
        </xsl:if>
        <xsl:if test="$rec/r:comments/r:thread">
          <h3>Comments on the questions</h3>
          <xsl:for-each select="$rec/r:comments/r:thread">
            <div class="thread" id="thread-{@number}">
              <p><a href="#q-{@question}"><xsl:value-of select="key('question', @question)/r:prompt"/></a><xsl:text> </xsl:text><span class="small mono"><xsl:value-of select="@question"/></span></p>
              <ul>
                <xsl:for-each select="r:comment">
                  <li><strong><xsl:value-of select="@who"/></strong>, <xsl:call-template name="time"><xsl:with-param name="t" select="@at"/></xsl:call-template>: <span class="text"><xsl:value-of select="."/></span></li>
                </xsl:for-each>
              </ul>
              <xsl:choose>
                <xsl:when test="@resolved-at"><p class="small">Resolved by <xsl:value-of select="@resolved-by"/>, <xsl:call-template name="time"><xsl:with-param name="t" select="@resolved-at"/></xsl:call-template>.</p></xsl:when>
                <xsl:otherwise><p class="small">Still open when this report was made.</p></xsl:otherwise>
              </xsl:choose>
            </div>
          </xsl:for-each>
        </xsl:if>
      </section>
    </xsl:if>
  </xsl:template>

  <!-- ==== workshops ================================================== -->

  <!-- The sessions in which the assessment was worked on with others:
       evidence of the consultation of the DPO, of those concerned in
       the organisation and of the people concerned or their
       representatives (Art. 35(2) and 35(9)). Only when there was one. -->
  <xsl:template name="workshops">
    <xsl:if test="$rec/r:workshops">
      <section class="part" id="workshops">
        <h2>Workshops and consultation</h2>
        <p class="small">The sessions in which this assessment was worked on with others, who took part, and the questions answered or changed during each.</p>
        <xsl:for-each select="$rec/r:workshops/r:workshop">
          <div class="workshop" id="workshop-{@number}">
            <h3>Workshop <xsl:value-of select="@number"/><xsl:call-template name="workshop-when-where"/></h3>
            <p class="small">Run by <xsl:value-of select="@ran-by"/>. <xsl:if test="not(@ended)">Still open when this report was made.</xsl:if></p>
            <xsl:if test="r:agenda/r:section">
              <p>Agenda: <xsl:for-each select="r:agenda/r:section"><xsl:if test="position() &gt; 1">; </xsl:if><a href="#s-{@id}"><xsl:value-of select="."/></a></xsl:for-each></p>
            </xsl:if>
            <h4>Participants</h4>
            <xsl:choose>
              <xsl:when test="not(r:participants/r:participant)"><p class="none">No participant recorded.</p></xsl:when>
              <xsl:otherwise>
                <table class="grid participants">
                  <thead><tr><th>Name</th><th>Role</th><th>Organisation</th><th>Represents the people concerned (Art. 35(9))</th></tr></thead>
                  <tbody>
                    <xsl:for-each select="r:participants/r:participant">
                      <tr><td><xsl:value-of select="r:name"/></td><td><xsl:value-of select="r:role"/></td><td><xsl:value-of select="r:organisation"/></td>
                        <td class="nowrap"><xsl:choose><xsl:when test="@represents = 'yes'">Yes</xsl:when><xsl:otherwise>No</xsl:otherwise></xsl:choose></td></tr>
                    </xsl:for-each>
                  </tbody>
                </table>
              </xsl:otherwise>
            </xsl:choose>
            <h4>What it settled</h4>
            <xsl:choose>
              <xsl:when test="not(r:settled/r:question)"><p class="none">No question was answered or changed during this workshop.</p></xsl:when>
              <xsl:otherwise>
                <ul class="settled">
                  <xsl:for-each select="r:settled/r:question">
                    <li><a href="#q-{@id}"><xsl:value-of select="."/></a><xsl:text> </xsl:text><span class="small mono"><xsl:value-of select="@id"/></span></li>
                  </xsl:for-each>
                </ul>
              </xsl:otherwise>
            </xsl:choose>
            <xsl:if test="normalize-space(r:minutes) != ''">
              <h4>Minutes</h4>
              <div class="text"><xsl:value-of select="r:minutes"/></div>
            </xsl:if>
            <xsl:if test="r:open-points/r:point">
              <h4>Open points</h4>
              <ul class="open-points">
                <xsl:for-each select="r:open-points/r:point">
                  <li><span class="text"><xsl:value-of select="."/></span><xsl:if test="normalize-space(@who) != ''"> (taken by <xsl:value-of select="@who"/>)</xsl:if></li>
                </xsl:for-each>
              </ul>
            </xsl:if>
          </div>
        </xsl:for-each>
      </section>
    </xsl:if>
  </xsl:template>

  <!-- ", DATE, PLACE" after a workshop's number, what it has of them. -->
  <xsl:template name="workshop-when-where">
    <xsl:if test="@date">, <xsl:value-of select="@date"/></xsl:if>
    <xsl:if test="normalize-space(r:place) != ''">, <xsl:value-of select="r:place"/></xsl:if>
  </xsl:template>

  <!-- ==== coverage, change log, integrity ============================= -->

  <!-- The coverage's heading: what the items are drawn from. A template
       whose items cite no WP248 (the EDPB's, say) is named instead. -->
  <xsl:template name="coverage-title">
    <xsl:choose>
      <xsl:when test="not($rec/r:coverage/r:item) or $rec/r:coverage/r:item[contains(@ref, 'WP248')]">Coverage of Art. 35(7) and WP248 Annex 2</xsl:when>
      <xsl:otherwise>Coverage of the template: <xsl:value-of select="$rec/r:template/r:title"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="coverage">
    <section class="part" id="coverage">
      <h2><xsl:call-template name="coverage-title"/></h2>
      <p><xsl:value-of select="$rec/r:coverage/@met"/> of <xsl:value-of select="$rec/r:coverage/@total"/> items are met.</p>
      <table class="grid cover-table">
        <thead><tr><th>Item</th><th>Reference</th><th>Met</th></tr></thead>
        <tbody>
          <xsl:for-each select="$rec/r:coverage/r:item">
            <tr><td><xsl:value-of select="."/></td><td class="small"><xsl:value-of select="@ref"/></td>
              <td class="nowrap"><xsl:choose><xsl:when test="@met = 'yes'">Met</xsl:when><xsl:otherwise><strong>Not met</strong></xsl:otherwise></xsl:choose></td></tr>
          </xsl:for-each>
        </tbody>
      </table>
    </section>
  </xsl:template>

  <xsl:template name="changelog">
    <section class="part appendix" id="changes">
      <h2>Appendix: change log</h2>
      <xsl:for-each select="$rec/r:changes">
        <h3>Changes since revision <xsl:value-of select="@since-revision"/></h3>
        <p class="small"><xsl:choose><xsl:when test="@since-date">What differs from revision <xsl:value-of select="@since-revision"/>, decided on <xsl:value-of select="@since-date"/>, which this revision replaces.</xsl:when><xsl:otherwise>What differs from revision <xsl:value-of select="@since-revision"/>, which this revision replaces.</xsl:otherwise></xsl:choose></p>
        <xsl:choose>
          <xsl:when test="not(r:change)"><p class="none">Nothing changed since revision <xsl:value-of select="@since-revision"/>.</p></xsl:when>
          <xsl:otherwise>
            <table class="grid since">
              <thead><tr><th>Item</th><th>Before</th><th>After</th></tr></thead>
              <tbody>
                <xsl:for-each select="r:change">
                  <tr><td><xsl:value-of select="r:label"/><br/><span class="small"><xsl:value-of select="@view:what"/><xsl:if test="not(@view:what)"><xsl:value-of select="@what"/></xsl:if></span></td>
                    <td class="text"><xsl:value-of select="(@view:old | r:old)[1]"/></td><td class="text"><xsl:value-of select="(@view:new | r:new)[1]"/></td></tr>
                </xsl:for-each>
              </tbody>
            </table>
          </xsl:otherwise>
        </xsl:choose>
        <h3>Change log</h3>
      </xsl:for-each>
      <xsl:variable name="log" select="$rec/r:history/r:change"/>
      <xsl:choose>
        <xsl:when test="not($log)"><p class="none">No change recorded.</p></xsl:when>
        <xsl:when test="$full-history = 'yes'">
          <p class="small">Every change recorded for this assessment, oldest first (Art. 5(2) accountability).</p>
          <table class="grid log">
            <thead><tr><th>When</th><th>Who</th><th>What</th><th>Before</th><th>After</th></tr></thead>
            <tbody>
              <xsl:for-each select="$log">
                <tr><td class="nowrap"><xsl:call-template name="time"><xsl:with-param name="t" select="@at"/></xsl:call-template></td>
                  <td><xsl:value-of select="@who"/></td><td><xsl:call-template name="item"><xsl:with-param name="what" select="r:what"/></xsl:call-template></td>
                  <td class="text"><xsl:value-of select="(@view:old | r:old)[1]"/></td><td class="text"><xsl:value-of select="(@view:new | r:new)[1]"/></td></tr>
              </xsl:for-each>
            </tbody>
          </table>
        </xsl:when>
        <xsl:otherwise>
          <p class="small">The <xsl:value-of select="count($log)"/> recorded changes, condensed: one row per person
            and day, saying what they changed. Each change with its values before and after is in the XML record
            and in the report exported with the full change log.</p>
          <table class="grid log">
            <thead><tr><th>Day</th><th>Who</th><th>Changes</th><th>What</th></tr></thead>
            <tbody>
              <xsl:for-each select="$log[@view:first = 'day'] | $log[not($marked)][generate-id() = generate-id(key('changes-by-day', concat(substring(@at, 1, 10), ' ', @who))[1])]">
                <xsl:variable name="dk" select="concat(substring(@at, 1, 10), ' ', @who)"/>
                <xsl:variable name="g" select="key('changes-by-day', $dk)"/>
                <xsl:variable name="ans" select="$g[starts-with(r:what, 'answer ')]"/>
                <tr><td class="nowrap"><xsl:value-of select="substring(@at, 1, 10)"/></td>
                  <td><xsl:value-of select="@who"/></td>
                  <td class="nowrap"><xsl:value-of select="count($g)"/></td>
                  <td>
                    <xsl:if test="$ans">
                      <p>Answers (<xsl:value-of select="count($ans)"/>):
                        <xsl:for-each select="$rec/r:sections/r:section">
                          <xsl:variable name="sid" select="generate-id()"/>
                          <xsl:variable name="n" select="count($ans[generate-id(key('question', substring-after(r:what, ' '))/..) = $sid])"/>
                          <xsl:if test="$n &gt; 0"><span class="nowrap"><xsl:value-of select="r:title"/>: <xsl:value-of select="$n"/></span>; </xsl:if>
                        </xsl:for-each>
                      </p>
                    </xsl:if>
                    <xsl:variable name="firsts" select="$g[not(starts-with(r:what, 'answer '))][@view:first-of-item or (not($marked) and generate-id() = generate-id(key('changes-by-item-day', concat($dk, ' ', substring-before(concat(r:what, ' '), ' '), ' ', substring-before(concat(substring-after(r:what, ' '), ' '), ' ')))[1]))]"/>
                    <xsl:call-template name="kind-line"><xsl:with-param name="c" select="$firsts[starts-with(r:what, 'risk ')]"/><xsl:with-param name="label">Risks</xsl:with-param></xsl:call-template>
                    <xsl:call-template name="kind-line"><xsl:with-param name="c" select="$firsts[starts-with(r:what, 'measure ')]"/><xsl:with-param name="label">Measures</xsl:with-param></xsl:call-template>
                    <xsl:call-template name="kind-line"><xsl:with-param name="c" select="$firsts[starts-with(r:what, 'sign-off ')]"/><xsl:with-param name="label">Sign-offs</xsl:with-param></xsl:call-template>
                    <xsl:call-template name="kind-line"><xsl:with-param name="c" select="$firsts[starts-with(r:what, 'member ')]"/><xsl:with-param name="label">People</xsl:with-param></xsl:call-template>
                    <xsl:call-template name="kind-line"><xsl:with-param name="c" select="$firsts[starts-with(r:what, 'review ')]"/><xsl:with-param name="label">Review</xsl:with-param></xsl:call-template>
                    <xsl:call-template name="kind-line"><xsl:with-param name="c" select="$firsts[starts-with(r:what, 'comment ')]"/><xsl:with-param name="label">Comments</xsl:with-param></xsl:call-template>
                    <xsl:for-each select="$firsts[not(starts-with(r:what, 'risk ') or starts-with(r:what, 'measure ') or starts-with(r:what, 'sign-off ') or starts-with(r:what, 'member ') or starts-with(r:what, 'review ') or starts-with(r:what, 'comment '))]">
                      <p class="small"><xsl:call-template name="item"><xsl:with-param name="what" select="r:what"/><xsl:with-param name="short" select="true()"/></xsl:call-template></p>
                    </xsl:for-each>
                  </td></tr>
              </xsl:for-each>
            </tbody>
          </table>
        </xsl:otherwise>
      </xsl:choose>
    </section>
  </xsl:template>

  <!-- An entry of the change log named for a reader: a question by its
       prompt (its id in small print), anything else in people's words
       where the report marked them (view:what), else as recorded. -->
  <xsl:template name="kind-line">
    <xsl:param name="c"/>
    <xsl:param name="label"/>
    <xsl:if test="$c">
      <p class="small"><xsl:value-of select="$label"/>: <xsl:for-each select="$c"><xsl:if test="position() > 1">, </xsl:if><xsl:value-of select="@view:item"/><xsl:if test="not(@view:item)"><xsl:value-of select="substring-before(concat(substring-after(r:what, ' '), ' '), ' ')"/></xsl:if></xsl:for-each></p>
    </xsl:if>
  </xsl:template>

  <xsl:template name="item">
    <xsl:param name="what"/>
    <xsl:param name="short" select="false()"/>
    <xsl:variable name="kind" select="substring-before($what, ' ')"/>
    <xsl:variable name="q" select="key('question', substring-after($what, ' '))"/>
    <xsl:choose>
      <xsl:when test="$q and ($kind = 'answer' or $kind = 'note' or $kind = 'follow-up')">
        <xsl:choose>
          <xsl:when test="$kind = 'note'">Note on: </xsl:when>
          <xsl:when test="$kind = 'follow-up'">Follow-up mark on: </xsl:when>
        </xsl:choose>
        <xsl:value-of select="$q/r:prompt"/>
        <xsl:if test="not($short)"><br/><span class="small"><xsl:value-of select="($what/../@view:what | $what)[1]"/></span></xsl:if>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="($what/../@view:what | $what)[1]"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="integrity">
    <section class="part appendix" id="integrity">
      <h2>Appendix: integrity of this report</h2>
      <p>This report was made from the XML record of the assessment. The record digest is the
        SHA-256 of the record's canonical XML form (Canonical XML 1.0) with the digest element
        left empty; the template digest is the SHA-256 of the questionnaire template as the
        assessment was started with it. Export the record again to compare.</p>
      <xsl:call-template name="integrity-lines"/>
    </section>
  </xsl:template>

  <!-- ==== style ======================================================= -->

  <xsl:template name="css">
@page { size: A4; margin: 22mm 18mm 20mm 18mm;
  @top-left { content: "<xsl:text>Data Protection Impact Assessment: </xsl:text><xsl:value-of select="$safe-title"/>"; font: 8.5pt Georgia, serif; color: #555; }
  @bottom-right { content: "<xsl:text>Page </xsl:text>" counter(page) "<xsl:text> of </xsl:text>" counter(pages); font: 8.5pt Georgia, serif; color: #555; }
  @bottom-left { content: "<xsl:text>Confidential: data protection record</xsl:text>"; font: 8.5pt Georgia, serif; color: #555; } }
@page :first { @top-left { content: none; } }
html { background: #fff; }
body { font: 10.5pt/1.45 Georgia, "Times New Roman", serif; color: #1a1a1a; max-width: 46em; margin: 2em auto; padding: 0 1.5em; }
h1 { font-size: 22pt; font-weight: normal; margin: 0.4em 0 1em; line-height: 1.2; }
h2 { font-size: 15pt; font-weight: normal; border-bottom: 1px solid #333; padding-bottom: 0.15em; margin: 1.8em 0 0.7em; }
h3 { font-size: 11.5pt; margin: 1.4em 0 0.5em; }
p { margin: 0.35em 0; }
.cover { padding-top: 5em; }
.cover .kind { font-variant: small-caps; letter-spacing: 0.08em; font-size: 12pt; margin: 0; }
.cover .law { color: #555; margin: 0 0 2em; }
table { border-collapse: collapse; width: 100%; margin: 0.6em 0; }
th, td { text-align: left; vertical-align: top; padding: 0.3em 0.5em; }
table.facts th { width: 30%; font-weight: normal; color: #444; border-bottom: 1px solid #ddd; }
table.facts td { border-bottom: 1px solid #ddd; }
table.grid { font-size: 9.5pt; }
table.grid th { background: #eee; border: 1px solid #999; }
table.grid td { border: 1px solid #bbb; }
tr, .q, .why, figure { break-inside: avoid; page-break-inside: avoid; }
thead { display: table-header-group; }
.id, .nowrap { white-space: nowrap; }
.text { white-space: pre-wrap; }
.small, .refs { font-size: 9pt; color: #444; }
.mono { font-family: "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 8.5pt; word-break: break-all; }
.q { margin: 0.9em 0; padding-left: 0.8em; border-left: 2px solid #ccc; }
.q .prompt { font-weight: bold; }
.q .req { font-weight: normal; color: #666; font-size: 9pt; }
.answer { margin: 0.3em 0; }
.none { color: #777; font-style: italic; }
.note { font-size: 9.5pt; }
.flag { font-size: 9pt; color: #8a4b00; }
.intro { color: #333; font-size: 9.5pt; background: #f6f6f4; padding: 0.6em 0.8em; }
.outcome { border: 1px solid #999; padding: 0.5em 0.8em; }
.lvl { display: inline-block; padding: 0 0.5em; border: 1px solid #777; font-weight: bold; }
.lvl.low { background: #dbe7d3; } .lvl.medium { background: #f2e3bd; } .lvl.high { background: #e8c4bf; }
.maps { display: flex; flex-wrap: wrap; gap: 1.5em; align-items: flex-start; }
.legend { font-size: 9pt; } .legend ul { list-style: none; padding: 0; margin: 0.2em 0 0.6em; }
.move { font-size: 9pt; color: #444; }
.judgement { border: 1px solid #999; padding: 0.4em 0.8em; margin: 0.5em 0; }
ul.top-risks, ul.judged { margin: 0.2em 0; padding-left: 1.2em; }
.summary table.facts { font-size: 9pt; line-height: 1.3; }
.summary table.facts th { width: 22%; }
.summary ul { margin: 0.1em 0; padding-left: 1.2em; }
.summary p { margin: 0.15em 0; }
figure { margin: 1em 0; } figcaption { font-size: 9pt; text-align: center; }
nav.contents ol { line-height: 1.8; }
.why dl { margin: 0.2em 0 0.8em; font-size: 9.5pt; } .why dt { font-style: italic; color: #444; } .why dd { margin: 0 0 0.3em 1.5em; }
a { color: inherit; }
dl.integrity { margin-top: 3em; font-size: 9pt; color: #333; }
dl.integrity dt { font-weight: bold; } dl.integrity dd { margin: 0 0 0.4em 0; }
@media print {
  body { max-width: none; margin: 0; padding: 0; font-size: 10pt; }
  .cover, .summary, .contents { break-after: page; page-break-after: always; }
  .part { break-before: page; page-break-before: always; }
  h2, h3 { break-after: avoid; page-break-after: avoid; }
  a { text-decoration: none; }
}
  </xsl:template>
</xsl:stylesheet>
