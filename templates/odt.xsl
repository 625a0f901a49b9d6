<?xml version="1.0" encoding="UTF-8"?>
<!--
  The dpia report as an OpenDocument text (ODT): turns a dpia record
  (urn:dpia:record:1) into the XML parts of the document, one part per
  run, chosen by the parameter "part": manifest (META-INF/manifest.xml),
  content (content.xml), styles (styles.xml) or meta (meta.xml). dpia
  zips them, with the mimetype entry first and stored.

  The document uses named paragraph styles (Title, Heading 1 and 2,
  Text body, Question, Answer, Note, Table Heading, Table Contents,
  Footer) that a legal team can change in the styles of their word
  processor; the page style puts the page number in the footer.

  Run with libxslt, XSLT 1.0, without access to files or the network.
  Text from the record is written as text nodes only (the processor
  escapes it): no disable-output-escaping anywhere.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:r="urn:dpia:record:1"
    xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
    xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
    xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
    xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
    xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
    xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"
    exclude-result-prefixes="r">

  <xsl:output method="xml" encoding="UTF-8" indent="no"/>

  <xsl:param name="part" select="'content'"/>

  <xsl:variable name="rec" select="/r:record"/>
  <xsl:variable name="title" select="/r:record/r:assessment/r:title"/>
  <xsl:variable name="ctl" select="/r:record/r:signoffs/r:signoff[@role = 'controller']"/>

  <xsl:template match="/">
    <xsl:choose>
      <xsl:when test="$part = 'manifest'"><xsl:call-template name="manifest"/></xsl:when>
      <xsl:when test="$part = 'styles'"><xsl:call-template name="styles"/></xsl:when>
      <xsl:when test="$part = 'meta'"><xsl:call-template name="meta"/></xsl:when>
      <xsl:otherwise><xsl:call-template name="content"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- === META-INF/manifest.xml ========================================= -->
  <xsl:template name="manifest">
    <manifest:manifest manifest:version="1.3">
      <manifest:file-entry manifest:full-path="/" manifest:version="1.3"
          manifest:media-type="application/vnd.oasis.opendocument.text"/>
      <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
      <manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/>
      <manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/>
    </manifest:manifest>
  </xsl:template>

  <!-- === meta.xml ======================================================= -->
  <xsl:template name="meta">
    <office:document-meta office:version="1.3">
      <office:meta>
        <meta:generator>dpia <xsl:value-of select="$rec/r:generator/@version"/></meta:generator>
        <dc:title><xsl:value-of select="$title"/></dc:title>
        <dc:subject>Data Protection Impact Assessment</dc:subject>
        <dc:date><xsl:value-of select="$rec/r:generator/@exported"/></dc:date>
      </office:meta>
    </office:document-meta>
  </xsl:template>

  <!-- === styles.xml ===================================================== -->
  <xsl:template name="pstyle">
    <xsl:param name="name"/>
    <xsl:param name="display"/>
    <xsl:param name="parent" select="'Standard'"/>
    <xsl:param name="size" select="''"/>
    <xsl:param name="bold" select="false()"/>
    <xsl:param name="above" select="'0cm'"/>
    <xsl:param name="below" select="'0.2cm'"/>
    <xsl:param name="level" select="''"/>
    <style:style style:name="{$name}" style:display-name="{$display}" style:family="paragraph"
        style:parent-style-name="{$parent}">
      <xsl:if test="$level != ''">
        <xsl:attribute name="style:default-outline-level"><xsl:value-of select="$level"/></xsl:attribute>
      </xsl:if>
      <style:paragraph-properties fo:margin-top="{$above}" fo:margin-bottom="{$below}"/>
      <style:text-properties>
        <xsl:if test="$size != ''">
          <xsl:attribute name="fo:font-size"><xsl:value-of select="$size"/></xsl:attribute>
        </xsl:if>
        <xsl:if test="$bold">
          <xsl:attribute name="fo:font-weight">bold</xsl:attribute>
        </xsl:if>
      </style:text-properties>
    </style:style>
  </xsl:template>

  <xsl:template name="styles">
    <office:document-styles office:version="1.3">
      <office:styles>
        <style:default-style style:family="paragraph">
          <style:text-properties style:font-name="Liberation Sans" fo:font-family="'Liberation Sans'"
              fo:font-size="10.5pt" fo:language="en"/>
        </style:default-style>
        <style:style style:name="Standard" style:family="paragraph" style:class="text"/>
        <xsl:call-template name="pstyle">
          <xsl:with-param name="name" select="'Text_20_body'"/>
          <xsl:with-param name="display" select="'Text body'"/>
        </xsl:call-template>
        <xsl:call-template name="pstyle">
          <xsl:with-param name="name" select="'Title'"/>
          <xsl:with-param name="display" select="'Title'"/>
          <xsl:with-param name="size" select="'20pt'"/>
          <xsl:with-param name="bold" select="true()"/>
          <xsl:with-param name="below" select="'0.4cm'"/>
        </xsl:call-template>
        <xsl:call-template name="pstyle">
          <xsl:with-param name="name" select="'Heading_20_1'"/>
          <xsl:with-param name="display" select="'Heading 1'"/>
          <xsl:with-param name="size" select="'15pt'"/>
          <xsl:with-param name="bold" select="true()"/>
          <xsl:with-param name="above" select="'0.6cm'"/>
          <xsl:with-param name="level" select="'1'"/>
        </xsl:call-template>
        <xsl:call-template name="pstyle">
          <xsl:with-param name="name" select="'Heading_20_2'"/>
          <xsl:with-param name="display" select="'Heading 2'"/>
          <xsl:with-param name="size" select="'12.5pt'"/>
          <xsl:with-param name="bold" select="true()"/>
          <xsl:with-param name="above" select="'0.4cm'"/>
          <xsl:with-param name="level" select="'2'"/>
        </xsl:call-template>
        <xsl:call-template name="pstyle">
          <xsl:with-param name="name" select="'Question'"/>
          <xsl:with-param name="display" select="'Question'"/>
          <xsl:with-param name="bold" select="true()"/>
          <xsl:with-param name="above" select="'0.3cm'"/>
          <xsl:with-param name="below" select="'0.1cm'"/>
        </xsl:call-template>
        <xsl:call-template name="pstyle">
          <xsl:with-param name="name" select="'Answer'"/>
          <xsl:with-param name="display" select="'Answer'"/>
        </xsl:call-template>
        <xsl:call-template name="pstyle">
          <xsl:with-param name="name" select="'Note'"/>
          <xsl:with-param name="display" select="'Note'"/>
          <xsl:with-param name="size" select="'9.5pt'"/>
        </xsl:call-template>
        <xsl:call-template name="pstyle">
          <xsl:with-param name="name" select="'Table_20_Contents'"/>
          <xsl:with-param name="display" select="'Table Contents'"/>
          <xsl:with-param name="size" select="'9.5pt'"/>
          <xsl:with-param name="below" select="'0.1cm'"/>
        </xsl:call-template>
        <xsl:call-template name="pstyle">
          <xsl:with-param name="name" select="'Table_20_Heading'"/>
          <xsl:with-param name="display" select="'Table Heading'"/>
          <xsl:with-param name="size" select="'9.5pt'"/>
          <xsl:with-param name="bold" select="true()"/>
          <xsl:with-param name="below" select="'0.1cm'"/>
        </xsl:call-template>
        <xsl:call-template name="pstyle">
          <xsl:with-param name="name" select="'Footer'"/>
          <xsl:with-param name="display" select="'Footer'"/>
          <xsl:with-param name="size" select="'9pt'"/>
        </xsl:call-template>
      </office:styles>
      <office:automatic-styles>
        <style:page-layout style:name="A4">
          <style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm"
              fo:margin-top="2cm" fo:margin-bottom="1.5cm" fo:margin-left="2cm"
              fo:margin-right="2cm"/>
          <style:footer-style>
            <style:header-footer-properties fo:min-height="0.6cm" fo:margin-top="0.4cm"/>
          </style:footer-style>
        </style:page-layout>
      </office:automatic-styles>
      <office:master-styles>
        <style:master-page style:name="Standard" style:page-layout-name="A4">
          <style:footer>
            <text:p text:style-name="Footer"><xsl:value-of select="$title"/> · page <text:page-number text:select-page="current">1</text:page-number></text:p>
          </style:footer>
        </style:master-page>
      </office:master-styles>
    </office:document-styles>
  </xsl:template>

  <!-- === content.xml ==================================================== -->
  <xsl:template name="content">
    <office:document-content office:version="1.3">
      <office:automatic-styles>
        <style:style style:name="Grid" style:family="table">
          <style:table-properties style:width="17cm" table:align="margins"/>
        </style:style>
        <style:style style:name="Cell" style:family="table-cell">
          <style:table-cell-properties fo:padding="0.1cm" fo:border="0.5pt solid #000000"/>
        </style:style>
      </office:automatic-styles>
      <office:body>
        <office:text>
          <text:p text:style-name="Title"><xsl:value-of select="$title"/></text:p>
          <text:p text:style-name="Text_20_body">Data Protection Impact Assessment · status: <xsl:value-of
              select="$rec/r:assessment/@status-label"/> · template: <xsl:value-of
              select="$rec/r:template/r:title"/></text:p>
          <xsl:call-template name="summary"/>
          <xsl:apply-templates select="$rec/r:sections/r:section"/>
          <xsl:call-template name="risks"/>
          <xsl:call-template name="measures"/>
          <xsl:call-template name="signoffs"/>
        </office:text>
      </office:body>
    </office:document-content>
  </xsl:template>

  <xsl:template name="h">
    <xsl:param name="level" select="1"/>
    <xsl:param name="text"/>
    <text:h text:style-name="Heading_20_{$level}" text:outline-level="{$level}"><xsl:value-of
        select="$text"/></text:h>
  </xsl:template>

  <!-- One paragraph per line of text. -->
  <xsl:template name="lines">
    <xsl:param name="text"/>
    <xsl:param name="style" select="'Answer'"/>
    <xsl:choose>
      <xsl:when test="contains($text, '&#10;')">
        <text:p text:style-name="{$style}"><xsl:value-of select="substring-before($text, '&#10;')"/></text:p>
        <xsl:call-template name="lines">
          <xsl:with-param name="text" select="substring-after($text, '&#10;')"/>
          <xsl:with-param name="style" select="$style"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <text:p text:style-name="{$style}"><xsl:value-of select="$text"/></text:p>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="decision">
    <xsl:choose>
      <xsl:when test="$ctl/@decision"><xsl:value-of select="$ctl/@decision-label"/></xsl:when>
      <xsl:otherwise>No decision recorded</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="summary">
    <xsl:variable name="s" select="$rec/r:summary"/>
    <xsl:call-template name="h"><xsl:with-param name="text" select="'Summary'"/></xsl:call-template>
    <text:p text:style-name="Text_20_body">Screening: <xsl:value-of select="$s/r:screening/@label"/></text:p>
    <text:p text:style-name="Text_20_body">Highest residual risk: <xsl:value-of
        select="$s/r:highest-residual/@level-name"/></text:p>
    <text:p text:style-name="Text_20_body">Prior consultation of the supervisory authority (Art. 36): <xsl:choose>
        <xsl:when test="$s/r:art36/@required = 'yes'">required</xsl:when>
        <xsl:when test="$rec/r:risks/r:risk[not(r:before/@level) or not(r:after/@level)] or (not($rec/r:risks/r:risk) and $rec/r:assessment/@status != 'not-required')">to be judged once the risks are scored</xsl:when>
        <xsl:otherwise>not required</xsl:otherwise>
      </xsl:choose></text:p>
    <text:p text:style-name="Text_20_body">Decision: <xsl:call-template name="decision"/></text:p>
  </xsl:template>

  <xsl:template match="r:section">
    <xsl:call-template name="h"><xsl:with-param name="text" select="r:title"/></xsl:call-template>
    <!-- Answers that the current answers make not applicable stay in
         the record, not in the document. -->
    <xsl:for-each select="r:question[not(@applicable = 'no')]">
      <text:p text:style-name="Question"><xsl:value-of select="r:prompt"/></text:p>
      <xsl:choose>
        <xsl:when test="r:answer/r:display">
          <xsl:call-template name="lines"><xsl:with-param name="text" select="r:answer/r:display"/></xsl:call-template>
        </xsl:when>
        <xsl:otherwise><text:p text:style-name="Answer">Not answered</text:p></xsl:otherwise>
      </xsl:choose>
      <xsl:if test="r:answer/r:note">
        <xsl:call-template name="lines">
          <xsl:with-param name="text" select="concat('Note: ', r:answer/r:note)"/>
          <xsl:with-param name="style" select="'Note'"/>
        </xsl:call-template>
      </xsl:if>
    </xsl:for-each>
  </xsl:template>

  <!-- A table: columns, a repeated header row, and the rows given. -->
  <xsl:template name="cell">
    <xsl:param name="text"/>
    <xsl:param name="style" select="'Table_20_Contents'"/>
    <table:table-cell table:style-name="Cell" office:value-type="string">
      <xsl:call-template name="lines">
        <xsl:with-param name="text" select="$text"/>
        <xsl:with-param name="style" select="$style"/>
      </xsl:call-template>
    </table:table-cell>
  </xsl:template>

  <xsl:template name="head">
    <xsl:param name="cols"/>
    <xsl:if test="$cols != ''">
      <xsl:variable name="first" select="substring-before(concat($cols, '|'), '|')"/>
      <xsl:call-template name="cell">
        <xsl:with-param name="text" select="$first"/>
        <xsl:with-param name="style" select="'Table_20_Heading'"/>
      </xsl:call-template>
      <xsl:call-template name="head">
        <xsl:with-param name="cols" select="substring-after($cols, '|')"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <xsl:template name="table-start">
    <xsl:param name="cols"/>
    <xsl:param name="n"/>
    <table:table-column table:number-columns-repeated="{$n}"/>
    <table:table-header-rows>
      <table:table-row><xsl:call-template name="head"><xsl:with-param name="cols" select="$cols"/></xsl:call-template></table:table-row>
    </table:table-header-rows>
  </xsl:template>

  <xsl:template name="score">
    <xsl:param name="s"/>
    <xsl:if test="$s"><xsl:value-of select="concat($s/@level-name, ' (likelihood ', $s/@likelihood-name,
        ', severity ', $s/@severity-name, ')')"/></xsl:if>
  </xsl:template>

  <xsl:template name="risks">
    <xsl:call-template name="h"><xsl:with-param name="text" select="'Risk register'"/></xsl:call-template>
    <xsl:choose>
      <xsl:when test="$rec/r:risks/r:risk">
        <table:table table:name="Risk register" table:style-name="Grid">
          <xsl:call-template name="table-start">
            <xsl:with-param name="cols" select="'No.|Risk|Before measures|After measures|Measures'"/>
            <xsl:with-param name="n" select="5"/>
          </xsl:call-template>
          <xsl:for-each select="$rec/r:risks/r:risk">
            <xsl:variable name="n" select="@number"/>
            <table:table-row>
              <xsl:call-template name="cell"><xsl:with-param name="text" select="concat('R', @number)"/></xsl:call-template>
              <xsl:call-template name="cell"><xsl:with-param name="text"
                  select="concat(r:title, '&#10;', r:description)"/></xsl:call-template>
              <xsl:call-template name="cell"><xsl:with-param name="text">
                <xsl:call-template name="score"><xsl:with-param name="s" select="r:before"/></xsl:call-template>
              </xsl:with-param></xsl:call-template>
              <xsl:call-template name="cell"><xsl:with-param name="text">
                <xsl:call-template name="score"><xsl:with-param name="s" select="r:after"/></xsl:call-template>
              </xsl:with-param></xsl:call-template>
              <xsl:call-template name="cell"><xsl:with-param name="text">
                <xsl:for-each select="$rec/r:measures/r:measure[r:addresses/@risk = $n]">
                  <xsl:if test="position() > 1">, </xsl:if>M<xsl:value-of select="@number"/>
                </xsl:for-each>
              </xsl:with-param></xsl:call-template>
            </table:table-row>
          </xsl:for-each>
        </table:table>
      </xsl:when>
      <xsl:otherwise><text:p text:style-name="Text_20_body">No risk recorded.</text:p></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="measures">
    <xsl:call-template name="h"><xsl:with-param name="text" select="'Action plan'"/></xsl:call-template>
    <xsl:choose>
      <xsl:when test="$rec/r:measures/r:measure">
        <table:table table:name="Action plan" table:style-name="Grid">
          <xsl:call-template name="table-start">
            <xsl:with-param name="cols" select="'No.|Measure|Owner|Due|Status|Risks'"/>
            <xsl:with-param name="n" select="6"/>
          </xsl:call-template>
          <xsl:for-each select="$rec/r:measures/r:measure">
            <table:table-row>
              <xsl:call-template name="cell"><xsl:with-param name="text" select="concat('M', @number)"/></xsl:call-template>
              <xsl:call-template name="cell"><xsl:with-param name="text"
                  select="concat(r:title, '&#10;', r:description)"/></xsl:call-template>
              <xsl:call-template name="cell"><xsl:with-param name="text" select="r:owner"/></xsl:call-template>
              <xsl:call-template name="cell"><xsl:with-param name="text" select="@due"/></xsl:call-template>
              <xsl:call-template name="cell"><xsl:with-param name="text" select="@status-label"/></xsl:call-template>
              <xsl:call-template name="cell"><xsl:with-param name="text">
                <xsl:for-each select="r:addresses">
                  <xsl:if test="position() > 1">, </xsl:if>R<xsl:value-of select="@risk"/>
                </xsl:for-each>
              </xsl:with-param></xsl:call-template>
            </table:table-row>
          </xsl:for-each>
        </table:table>
      </xsl:when>
      <xsl:otherwise><text:p text:style-name="Text_20_body">No measure recorded.</text:p></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="signoffs">
    <xsl:call-template name="h"><xsl:with-param name="text" select="'Sign-offs and decision'"/></xsl:call-template>
    <text:p text:style-name="Text_20_body">Decision: <xsl:call-template name="decision"/></text:p>
    <xsl:if test="$rec/r:signoffs/r:signoff">
      <table:table table:name="Sign-offs" table:style-name="Grid">
        <xsl:call-template name="table-start">
          <xsl:with-param name="cols" select="'Role|Name and position|Date|Advice, decision or comment'"/>
          <xsl:with-param name="n" select="4"/>
        </xsl:call-template>
        <xsl:for-each select="$rec/r:signoffs/r:signoff">
          <table:table-row>
            <xsl:call-template name="cell"><xsl:with-param name="text" select="@role-label"/></xsl:call-template>
            <xsl:call-template name="cell"><xsl:with-param name="text"
                select="concat(r:name, '&#10;', r:position)"/></xsl:call-template>
            <xsl:call-template name="cell"><xsl:with-param name="text" select="@date"/></xsl:call-template>
            <xsl:call-template name="cell"><xsl:with-param name="text">
              <xsl:if test="@decision">Decision: <xsl:value-of select="@decision-label"/><xsl:text>&#10;</xsl:text></xsl:if>
              <xsl:value-of select="r:advice"/>
            </xsl:with-param></xsl:call-template>
          </table:table-row>
        </xsl:for-each>
      </table:table>
    </xsl:if>
  </xsl:template>

</xsl:stylesheet>
