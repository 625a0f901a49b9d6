<?xml version="1.0" encoding="UTF-8"?>
<!--
  The dpia report as an OpenDocument text (ODT): turns a dpia record
  (urn:dpia:record:1) into the XML parts of the document, one part per
  run, chosen by the parameter "part": manifest (META-INF/manifest.xml),
  content (content.xml), styles (styles.xml) or meta (meta.xml). dpia
  zips them, with the mimetype entry first and stored.

  The same report as the HTML one (report.xsl), in the same words: the
  cover, a one-page summary, the sections with the risk register beside
  its heat maps (tables, each cell's level in words and in colour, with a
  legend), the action plan, the sign-offs, the workshops (when there
  was one), the coverage, the change log (condensed unless full-history
  is 'yes') and the integrity appendix;
  each section's guidance only when with-guidance is 'yes'.

  The document uses named paragraph styles (Title, Heading 1 and 2,
  Text body, Question, Answer, Note, Small, Guidance, List Bullet, Table
  Heading, Table Contents, Footer) and the text style Strong Emphasis,
  that a legal team can change in the styles of their word processor;
  the page style puts the page number in the footer.

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
    xmlns:view="urn:dpia:report-view:1"
    exclude-result-prefixes="r view">

  <xsl:output method="xml" encoding="UTF-8" indent="no"/>

  <xsl:param name="part" select="'content'"/>
  <xsl:param name="with-guidance" select="'no'"/>
  <xsl:param name="full-history" select="'no'"/>

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
      <style:paragraph-properties fo:margin-top="{$above}" fo:margin-bottom="{$below}">
        <xsl:if test="$level != '' or $name = 'Question'">
          <xsl:attribute name="fo:keep-with-next">always</xsl:attribute>
        </xsl:if>
      </style:paragraph-properties>
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
          <xsl:with-param name="name" select="'Small'"/>
          <xsl:with-param name="display" select="'Small'"/>
          <xsl:with-param name="size" select="'9pt'"/>
          <xsl:with-param name="below" select="'0.1cm'"/>
        </xsl:call-template>
        <xsl:call-template name="pstyle">
          <xsl:with-param name="name" select="'Guidance'"/>
          <xsl:with-param name="display" select="'Guidance'"/>
          <xsl:with-param name="size" select="'9.5pt'"/>
        </xsl:call-template>
        <style:style style:name="List_20_Bullet" style:display-name="List Bullet" style:family="paragraph"
            style:parent-style-name="Standard">
          <style:paragraph-properties fo:margin-left="0.6cm" fo:text-indent="-0.4cm" fo:margin-top="0cm"
              fo:margin-bottom="0.05cm">
            <style:tab-stops><style:tab-stop style:position="0cm"/></style:tab-stops>
          </style:paragraph-properties>
        </style:style>
        <style:style style:name="Strong_20_Emphasis" style:display-name="Strong Emphasis" style:family="text">
          <style:text-properties fo:font-weight="bold"/>
        </style:style>
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

  <!-- Lookups by key, as in report.xsl. -->
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

  <xsl:variable name="m" select="/r:record/r:method"/>
  <xsl:variable name="revision">
    <xsl:choose>
      <xsl:when test="/r:record/r:assessment/@revision"><xsl:value-of select="/r:record/r:assessment/@revision"/></xsl:when>
      <xsl:otherwise>1</xsl:otherwise>
    </xsl:choose>
  </xsl:variable>
  <xsl:variable name="not-required" select="/r:record/r:assessment/@status = 'not-required'"/>
  <xsl:variable name="decided" select="contains(' approved approved-with-conditions rejected referred not-required ', concat(' ', /r:record/r:assessment/@status, ' '))"/>

  <!-- Column widths: one style per half centimetre, 0.5 to 17 cm. -->
  <xsl:template name="column-styles">
    <xsl:param name="n" select="1"/>
    <xsl:if test="$n &lt;= 34">
      <style:style style:name="W{$n * 0.5}" style:family="table-column">
        <style:table-column-properties style:column-width="{$n * 0.5}cm"/>
      </style:style>
      <xsl:call-template name="column-styles"><xsl:with-param name="n" select="$n + 1"/></xsl:call-template>
    </xsl:if>
  </xsl:template>

  <xsl:template name="cell-style">
    <xsl:param name="name"/>
    <xsl:param name="fill" select="''"/>
    <style:style style:name="{$name}" style:family="table-cell">
      <style:table-cell-properties fo:padding="0.1cm" fo:border="0.5pt solid #777777">
        <xsl:if test="$fill != ''">
          <xsl:attribute name="fo:background-color"><xsl:value-of select="$fill"/></xsl:attribute>
        </xsl:if>
      </style:table-cell-properties>
    </style:style>
  </xsl:template>

  <xsl:template name="content">
    <office:document-content office:version="1.3">
      <office:automatic-styles>
        <style:style style:name="Grid" style:family="table">
          <style:table-properties style:width="17cm" table:align="margins"/>
        </style:style>
        <style:style style:name="Map" style:family="table">
          <style:table-properties style:width="12.5cm" table:align="left" fo:margin-bottom="0.2cm"/>
        </style:style>
        <style:style style:name="Legend" style:family="table">
          <style:table-properties style:width="8cm" table:align="left" fo:margin-bottom="0.2cm"/>
        </style:style>
        <xsl:call-template name="column-styles"/>
        <xsl:call-template name="cell-style"><xsl:with-param name="name" select="'Cell'"/></xsl:call-template>
        <xsl:call-template name="cell-style">
          <xsl:with-param name="name" select="'Head'"/><xsl:with-param name="fill" select="'#eeeeee'"/>
        </xsl:call-template>
        <xsl:call-template name="cell-style">
          <xsl:with-param name="name" select="'FillHigh'"/><xsl:with-param name="fill" select="'#e8c4bf'"/>
        </xsl:call-template>
        <xsl:call-template name="cell-style">
          <xsl:with-param name="name" select="'FillLow'"/><xsl:with-param name="fill" select="'#dbe7d3'"/>
        </xsl:call-template>
        <xsl:call-template name="cell-style">
          <xsl:with-param name="name" select="'FillMid'"/><xsl:with-param name="fill" select="'#f2e3bd'"/>
        </xsl:call-template>
        <style:style style:name="Fact" style:family="table-cell">
          <style:table-cell-properties fo:padding="0.1cm" fo:border-top="none" fo:border-left="none"
              fo:border-right="none" fo:border-bottom="0.5pt solid #bbbbbb"/>
        </style:style>
        <style:style style:name="Break" style:family="paragraph" style:parent-style-name="Heading_20_1">
          <style:paragraph-properties fo:break-before="page"/>
        </style:style>
      </office:automatic-styles>
      <office:body>
        <office:text>
          <xsl:call-template name="cover"/>
          <xsl:call-template name="summary"/>
          <xsl:apply-templates select="$rec/r:sections/r:section"/>
          <xsl:if test="not($rec/r:sections/r:section[@kind = 'risks'])"><xsl:call-template name="risks"/></xsl:if>
          <xsl:if test="not($rec/r:sections/r:section[@kind = 'measures'])"><xsl:call-template name="measures"/></xsl:if>
          <xsl:if test="not($rec/r:sections/r:section[@kind = 'signoff'])"><xsl:call-template name="signoffs"/></xsl:if>
          <xsl:call-template name="workshops"/>
          <xsl:call-template name="coverage"/>
          <xsl:call-template name="changelog"/>
          <xsl:call-template name="integrity"/>
        </office:text>
      </office:body>
    </office:document-content>
  </xsl:template>

  <!-- ==== building blocks ============================================== -->

  <!-- A heading; a part of the report starts on a new page. -->
  <xsl:template name="h">
    <xsl:param name="level" select="1"/>
    <xsl:param name="text"/>
    <xsl:param name="page" select="false()"/>
    <xsl:variable name="style">
      <xsl:choose>
        <xsl:when test="$page">Break</xsl:when>
        <xsl:otherwise>Heading_20_<xsl:value-of select="$level"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <text:h text:style-name="{$style}" text:outline-level="{$level}"><xsl:value-of
        select="$text"/></text:h>
  </xsl:template>

  <xsl:template name="p">
    <xsl:param name="text"/>
    <xsl:param name="style" select="'Text_20_body'"/>
    <text:p text:style-name="{$style}"><xsl:value-of select="$text"/></text:p>
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

  <xsl:template name="bullet">
    <xsl:param name="text"/>
    <text:p text:style-name="List_20_Bullet">•<text:tab/><xsl:value-of select="$text"/></text:p>
  </xsl:template>

  <!-- A table cell: its text (one paragraph a line) or paragraphs given. -->
  <xsl:template name="cell">
    <xsl:param name="text"/>
    <xsl:param name="content"/>
    <xsl:param name="style" select="'Table_20_Contents'"/>
    <xsl:param name="cell" select="'Cell'"/>
    <table:table-cell table:style-name="{$cell}" office:value-type="string">
      <xsl:choose>
        <xsl:when test="$content"><xsl:copy-of select="$content"/></xsl:when>
        <xsl:otherwise>
          <xsl:call-template name="lines">
            <xsl:with-param name="text" select="$text"/>
            <xsl:with-param name="style" select="$style"/>
          </xsl:call-template>
        </xsl:otherwise>
      </xsl:choose>
    </table:table-cell>
  </xsl:template>

  <xsl:template name="head">
    <xsl:param name="cols"/>
    <xsl:if test="$cols != ''">
      <xsl:call-template name="cell">
        <xsl:with-param name="text" select="substring-before(concat($cols, '|'), '|')"/>
        <xsl:with-param name="style" select="'Table_20_Heading'"/>
        <xsl:with-param name="cell" select="'Head'"/>
      </xsl:call-template>
      <xsl:call-template name="head">
        <xsl:with-param name="cols" select="substring-after($cols, '|')"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- The columns by their widths in centimetres (halves), then the
       header row, repeated on each page, when there are headings. -->
  <xsl:template name="columns">
    <xsl:param name="widths"/>
    <xsl:if test="$widths != ''">
      <table:table-column table:style-name="W{substring-before(concat($widths, ' '), ' ')}"/>
      <xsl:call-template name="columns">
        <xsl:with-param name="widths" select="substring-after($widths, ' ')"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <xsl:template name="table-start">
    <xsl:param name="cols" select="''"/>
    <xsl:param name="widths"/>
    <xsl:call-template name="columns"><xsl:with-param name="widths" select="$widths"/></xsl:call-template>
    <xsl:if test="$cols != ''">
      <table:table-header-rows>
        <table:table-row><xsl:call-template name="head"><xsl:with-param name="cols" select="$cols"/></xsl:call-template></table:table-row>
      </table:table-header-rows>
    </xsl:if>
  </xsl:template>

  <!-- A row of a table of facts: the label, then what is said. -->
  <xsl:template name="fact">
    <xsl:param name="label"/>
    <xsl:param name="text"/>
    <xsl:param name="content"/>
    <table:table-row>
      <xsl:call-template name="cell">
        <xsl:with-param name="text" select="$label"/>
        <xsl:with-param name="style" select="'Table_20_Heading'"/>
        <xsl:with-param name="cell" select="'Fact'"/>
      </xsl:call-template>
      <xsl:call-template name="cell">
        <xsl:with-param name="text" select="$text"/>
        <xsl:with-param name="content" select="$content"/>
        <xsl:with-param name="cell" select="'Fact'"/>
      </xsl:call-template>
    </table:table-row>
  </xsl:template>

  <!-- ==== words shared by the parts ===================================== -->

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
      <xsl:when test="normalize-space($v) != ''"><xsl:value-of select="$v"/></xsl:when>
      <xsl:otherwise>Not recorded</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Who approved the measures and accepted the residual risks: the
       controller's decision-maker, by an approval; nobody otherwise. -->
  <xsl:template name="approver">
    <xsl:choose>
      <xsl:when test="$not-required">Not applicable: no DPIA required</xsl:when>
      <xsl:when test="$ctl/@decision = 'approve' or $ctl/@decision = 'approve-with-conditions'">
        <xsl:call-template name="person"><xsl:with-param name="s" select="$ctl"/></xsl:call-template>
        <xsl:text>, by the decision "</xsl:text><xsl:value-of select="$ctl/@decision-label"/>"</xsl:when>
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
      <xsl:when test="$r/r:before/@level"><xsl:value-of select="$r/r:before/@level-name"/></xsl:when>
      <xsl:otherwise>not scored</xsl:otherwise>
    </xsl:choose>
    <xsl:text> → </xsl:text>
    <xsl:choose>
      <xsl:when test="$r/r:after/@level"><xsl:value-of select="$r/r:after/@level-name"/></xsl:when>
      <xsl:otherwise>not scored</xsl:otherwise>
    </xsl:choose>
    <xsl:if test="$b and $f">
      <xsl:choose>
        <xsl:when test="$f &lt; $b"> (lowered)</xsl:when>
        <xsl:when test="$f &gt; $b"> (raised)</xsl:when>
        <xsl:otherwise> (unchanged)</xsl:otherwise>
      </xsl:choose>
    </xsl:if>
  </xsl:template>

  <!-- The DPO's judgement of a section, in words. -->
  <xsl:template name="verdict">
    <xsl:param name="j"/>
    <xsl:choose>
      <xsl:when test="$j/@verdict = 'acceptable'">Acceptable</xsl:when>
      <xsl:when test="$j/@verdict = 'improve'">To be improved</xsl:when>
      <xsl:otherwise>Not judged</xsl:otherwise>
    </xsl:choose>
    <xsl:if test="$j/@verdict and (normalize-space($j/r:name) != '' or $j/@date)">
      <xsl:text> (</xsl:text><xsl:value-of select="$j/r:name"/>
      <xsl:if test="normalize-space($j/r:name) != '' and $j/@date">, </xsl:if>
      <xsl:value-of select="$j/@date"/><xsl:text>)</xsl:text>
    </xsl:if>
  </xsl:template>

  <xsl:template name="time">
    <xsl:param name="t"/>
    <xsl:value-of select="concat(substring($t, 1, 10), ' ', substring($t, 12, 5), ' UTC')"/>
  </xsl:template>

  <xsl:template name="decision">
    <xsl:choose>
      <xsl:when test="$not-required">No DPIA needed: the screening concluded that no DPIA is required, closed with the DPO's sign-off</xsl:when>
      <xsl:when test="$ctl/@decision"><xsl:value-of select="$ctl/@decision-label"/></xsl:when>
      <xsl:otherwise>No decision recorded</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="review">
    <xsl:choose>
      <xsl:when test="$rec/r:assessment/@review-date"><xsl:value-of select="$rec/r:assessment/@review-date"/></xsl:when>
      <xsl:otherwise>Not set</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ==== the cover ===================================================== -->

  <xsl:template name="cover">
    <xsl:variable name="a" select="$rec/r:assessment"/>
    <text:p text:style-name="Text_20_body">Data Protection Impact Assessment</text:p>
    <text:p text:style-name="Small">Article 35 of Regulation (EU) 2016/679 (GDPR)</text:p>
    <text:p text:style-name="Title"><xsl:value-of select="$title"/></text:p>
    <table:table table:name="Cover" table:style-name="Grid">
      <xsl:call-template name="table-start"><xsl:with-param name="widths" select="'5 12'"/></xsl:call-template>
      <xsl:call-template name="fact">
        <xsl:with-param name="label">Controller</xsl:with-param>
        <xsl:with-param name="text"><xsl:call-template name="or-not"><xsl:with-param name="v" select="$a/r:controller"/></xsl:call-template></xsl:with-param>
      </xsl:call-template>
      <xsl:call-template name="fact">
        <xsl:with-param name="label">Status</xsl:with-param>
        <xsl:with-param name="text" select="$a/@status-label"/>
      </xsl:call-template>
      <xsl:call-template name="fact">
        <xsl:with-param name="label">Revision</xsl:with-param>
        <xsl:with-param name="text"><xsl:choose>
          <xsl:when test="$a/@replaces">Revision <xsl:value-of select="$revision"/>, replaces the revision decided on <xsl:value-of select="$a/@replaces"/></xsl:when>
          <xsl:otherwise>Revision <xsl:value-of select="$revision"/></xsl:otherwise>
        </xsl:choose></xsl:with-param>
      </xsl:call-template>
      <xsl:call-template name="fact">
        <xsl:with-param name="label">Decision</xsl:with-param>
        <xsl:with-param name="text"><xsl:call-template name="decision"/></xsl:with-param>
      </xsl:call-template>
      <xsl:call-template name="fact">
        <xsl:with-param name="label">Controller's decision-maker</xsl:with-param>
        <xsl:with-param name="text"><xsl:call-template name="person"><xsl:with-param name="s" select="$ctl"/></xsl:call-template></xsl:with-param>
      </xsl:call-template>
      <xsl:call-template name="fact">
        <xsl:with-param name="label">Data Protection Officer</xsl:with-param>
        <xsl:with-param name="text"><xsl:call-template name="person"><xsl:with-param name="s" select="$rec/r:signoffs/r:signoff[@role = 'dpo']"/></xsl:call-template></xsl:with-param>
      </xsl:call-template>
      <xsl:call-template name="fact">
        <xsl:with-param name="label">The DPO's contact details</xsl:with-param>
        <xsl:with-param name="text"><xsl:call-template name="or-not"><xsl:with-param name="v" select="$a/r:dpo-contact"/></xsl:call-template></xsl:with-param>
      </xsl:call-template>
      <xsl:call-template name="fact">
        <xsl:with-param name="label">Measures approved by</xsl:with-param>
        <xsl:with-param name="text"><xsl:call-template name="approver"/></xsl:with-param>
      </xsl:call-template>
      <xsl:call-template name="fact">
        <xsl:with-param name="label">Residual risks accepted by</xsl:with-param>
        <xsl:with-param name="text"><xsl:call-template name="approver"/></xsl:with-param>
      </xsl:call-template>
      <xsl:call-template name="fact">
        <xsl:with-param name="label">Started</xsl:with-param>
        <xsl:with-param name="text" select="substring($a/@created, 1, 10)"/>
      </xsl:call-template>
      <xsl:call-template name="fact">
        <xsl:with-param name="label">Last changed</xsl:with-param>
        <xsl:with-param name="text"><xsl:call-template name="time"><xsl:with-param name="t" select="$a/@updated"/></xsl:call-template></xsl:with-param>
      </xsl:call-template>
      <xsl:call-template name="fact">
        <xsl:with-param name="label">Next review</xsl:with-param>
        <xsl:with-param name="text"><xsl:call-template name="review"/></xsl:with-param>
      </xsl:call-template>
      <xsl:call-template name="fact">
        <xsl:with-param name="label">Template</xsl:with-param>
        <xsl:with-param name="text" select="concat($rec/r:template/r:title, ', ', $rec/r:template/@id, ' version ', $rec/r:template/@version)"/>
      </xsl:call-template>
      <xsl:call-template name="fact">
        <xsl:with-param name="label">Reference</xsl:with-param>
        <xsl:with-param name="text" select="$a/@uuid"/>
      </xsl:call-template>
    </table:table>
  </xsl:template>

  <!-- ==== the summary =================================================== -->

  <xsl:template name="summary">
    <xsl:variable name="s" select="$rec/r:summary"/>
    <xsl:variable name="dpo" select="$rec/r:signoffs/r:signoff[@role = 'dpo']"/>
    <xsl:call-template name="h">
      <xsl:with-param name="text">Summary</xsl:with-param><xsl:with-param name="page" select="true()"/>
    </xsl:call-template>
    <xsl:if test="$not-required">
      <text:p text:style-name="Text_20_body"><text:span text:style-name="Strong_20_Emphasis">DPIA not required.</text:span> The screening concluded that no DPIA is needed for this processing; the assessment was closed on the screening alone, with the Data Protection Officer's sign-off (<xsl:call-template name="person"><xsl:with-param name="s" select="$dpo"/></xsl:call-template>).</text:p>
    </xsl:if>
    <table:table table:name="Summary" table:style-name="Grid">
      <xsl:call-template name="table-start"><xsl:with-param name="widths" select="'4 13'"/></xsl:call-template>
      <xsl:variable name="what" select="$rec/r:sections/r:section[@kind = 'screening']/r:question[@type = 'text'][not(@applicable = 'no')][normalize-space(r:answer/r:value) != ''][1]"/>
      <xsl:call-template name="fact">
        <xsl:with-param name="label">The processing</xsl:with-param>
        <xsl:with-param name="text">
          <xsl:choose>
            <xsl:when test="$what"><xsl:value-of select="$what/r:answer/r:value"/></xsl:when>
            <xsl:otherwise>Not described yet</xsl:otherwise>
          </xsl:choose>
        </xsl:with-param>
      </xsl:call-template>
      <xsl:call-template name="fact">
        <xsl:with-param name="label">Decision</xsl:with-param>
        <xsl:with-param name="content">
          <xsl:choose>
            <xsl:when test="$not-required"><text:p text:style-name="Table_20_Contents">DPIA not required</text:p></xsl:when>
            <xsl:when test="$ctl/@decision">
              <text:p text:style-name="Table_20_Contents"><text:span text:style-name="Strong_20_Emphasis"><xsl:value-of select="$ctl/@decision-label"/></text:span>, <xsl:call-template name="person"><xsl:with-param name="s" select="$ctl"/></xsl:call-template></text:p>
              <xsl:if test="normalize-space($ctl/r:advice) != ''">
                <text:p text:style-name="Small"><xsl:choose>
                  <xsl:when test="$ctl/@decision = 'approve-with-conditions'">Conditions:</xsl:when>
                  <xsl:otherwise>Comment:</xsl:otherwise>
                </xsl:choose></text:p>
                <xsl:call-template name="lines">
                  <xsl:with-param name="text" select="$ctl/r:advice"/><xsl:with-param name="style" select="'Table_20_Contents'"/>
                </xsl:call-template>
              </xsl:if>
            </xsl:when>
            <xsl:otherwise><text:p text:style-name="Table_20_Contents">No decision recorded</text:p></xsl:otherwise>
          </xsl:choose>
        </xsl:with-param>
      </xsl:call-template>
      <xsl:call-template name="fact">
        <xsl:with-param name="label">Next review</xsl:with-param>
        <xsl:with-param name="text"><xsl:call-template name="review"/></xsl:with-param>
      </xsl:call-template>
      <xsl:call-template name="fact">
        <xsl:with-param name="label">Screening (WP248)</xsl:with-param>
        <xsl:with-param name="content">
          <text:p text:style-name="Table_20_Contents"><text:span text:style-name="Strong_20_Emphasis"><xsl:value-of select="$s/r:screening/@label"/></text:span></text:p>
          <xsl:for-each select="$s/r:screening/r:criterion">
            <xsl:call-template name="bullet"><xsl:with-param name="text">Criterion <xsl:value-of select="@number"/>: <xsl:value-of select="."/></xsl:with-param></xsl:call-template>
          </xsl:for-each>
          <xsl:for-each select="$s/r:screening/r:ground">
            <xsl:call-template name="p"><xsl:with-param name="text">Mandatory case: <xsl:value-of select="."/></xsl:with-param><xsl:with-param name="style" select="'Table_20_Contents'"/></xsl:call-template>
          </xsl:for-each>
          <xsl:call-template name="p"><xsl:with-param name="text" select="$s/r:screening/r:rule"/><xsl:with-param name="style" select="'Small'"/></xsl:call-template>
        </xsl:with-param>
      </xsl:call-template>
      <xsl:call-template name="fact">
        <xsl:with-param name="label">Highest residual risk</xsl:with-param>
        <xsl:with-param name="content">
          <text:p text:style-name="Table_20_Contents">
            <xsl:choose>
              <xsl:when test="$s/r:highest-residual/@level"><text:span text:style-name="Strong_20_Emphasis"><xsl:value-of select="$s/r:highest-residual/@level-name"/></text:span></xsl:when>
              <xsl:otherwise>No risk scored yet</xsl:otherwise>
            </xsl:choose>
          </text:p>
          <xsl:if test="$rec/r:risks/r:risk">
            <text:p text:style-name="Small">The highest risks, before and after measures:</text:p>
            <xsl:for-each select="$rec/r:risks/r:risk">
              <xsl:sort select="key('level', r:after/@level)/@rank" data-type="number" order="descending"/>
              <xsl:sort select="key('level', r:before/@level)/@rank" data-type="number" order="descending"/>
              <xsl:if test="position() &lt;= 5">
                <xsl:call-template name="bullet">
                  <xsl:with-param name="text">R<xsl:value-of select="@number"/>. <xsl:value-of select="r:title"/>: <xsl:call-template name="movement"><xsl:with-param name="r" select="."/></xsl:call-template></xsl:with-param>
                </xsl:call-template>
              </xsl:if>
            </xsl:for-each>
            <xsl:if test="count($rec/r:risks/r:risk) &gt; 5">
              <text:p text:style-name="Small">and <xsl:value-of select="count($rec/r:risks/r:risk) - 5"/> more in the risk register.</text:p>
            </xsl:if>
          </xsl:if>
        </xsl:with-param>
      </xsl:call-template>
      <xsl:call-template name="fact">
        <xsl:with-param name="label">Prior consultation (Art. 36)</xsl:with-param>
        <xsl:with-param name="text">
          <xsl:choose>
            <xsl:when test="$s/r:art36/@required = 'yes'">Required. A residual risk stays high: the supervisory authority must be consulted before the processing starts.</xsl:when>
            <!-- Judged on the whole register, as on the sign-off page. -->
            <xsl:when test="$rec/r:risks/r:risk[not(r:before/@level) or not(r:after/@level)] or (not($rec/r:risks/r:risk) and $rec/r:assessment/@status != 'not-required')">To be judged once the risks are scored.</xsl:when>
            <xsl:otherwise>Not required: no residual risk is high.</xsl:otherwise>
          </xsl:choose>
        </xsl:with-param>
      </xsl:call-template>
      <xsl:call-template name="fact">
        <xsl:with-param name="label">Open measures</xsl:with-param>
        <xsl:with-param name="content">
          <text:p text:style-name="Table_20_Contents"><xsl:value-of select="$s/r:measures/@open"/> of <xsl:value-of select="$s/r:measures/@total"/></text:p>
          <xsl:for-each select="$rec/r:measures/r:measure[@status = 'planned' or @status = 'in-progress']">
            <xsl:call-template name="bullet">
              <xsl:with-param name="text"><xsl:choose>
                <xsl:when test="@due">M<xsl:value-of select="@number"/>: <xsl:value-of select="r:title"/> (<xsl:value-of select="r:owner"/>, due <xsl:value-of select="@due"/>)</xsl:when>
                <xsl:otherwise>M<xsl:value-of select="@number"/>: <xsl:value-of select="r:title"/> (<xsl:value-of select="r:owner"/>)</xsl:otherwise>
              </xsl:choose></xsl:with-param>
            </xsl:call-template>
          </xsl:for-each>
        </xsl:with-param>
      </xsl:call-template>
      <xsl:call-template name="fact">
        <xsl:with-param name="label">The DPO's advice</xsl:with-param>
        <xsl:with-param name="content">
          <xsl:choose>
            <xsl:when test="normalize-space($dpo/r:advice) != ''">
              <xsl:call-template name="lines">
                <xsl:with-param name="text" select="$dpo/r:advice"/><xsl:with-param name="style" select="'Table_20_Contents'"/>
              </xsl:call-template>
              <text:p text:style-name="Small">
                <xsl:choose>
                  <xsl:when test="$dpo/@advice-followed = 'yes'">The advice was followed.</xsl:when>
                  <xsl:when test="$dpo/@advice-followed = 'no'">The advice was not followed. Reasons: <xsl:value-of select="$dpo/r:why-not"/></xsl:when>
                  <xsl:otherwise>Whether the advice was followed is not recorded.</xsl:otherwise>
                </xsl:choose>
              </text:p>
            </xsl:when>
            <xsl:otherwise><text:p text:style-name="Table_20_Contents">Not recorded</text:p></xsl:otherwise>
          </xsl:choose>
        </xsl:with-param>
      </xsl:call-template>
      <xsl:if test="$rec/r:sections/r:section/r:judgement">
        <xsl:call-template name="fact">
          <xsl:with-param name="label">The DPO's judgement by section</xsl:with-param>
          <xsl:with-param name="content">
            <xsl:for-each select="$rec/r:sections/r:section">
              <xsl:call-template name="bullet">
                <xsl:with-param name="text"><xsl:value-of select="r:title"/>: <xsl:call-template name="verdict"><xsl:with-param name="j" select="r:judgement"/></xsl:call-template></xsl:with-param>
              </xsl:call-template>
            </xsl:for-each>
          </xsl:with-param>
        </xsl:call-template>
      </xsl:if>
      <xsl:call-template name="fact">
        <xsl:with-param name="label">Completion</xsl:with-param>
        <xsl:with-param name="text" select="concat($s/r:progress/@percent, '% (', $s/r:progress/@answered, ' of ', $s/r:progress/@total, ' items)')"/>
      </xsl:call-template>
    </table:table>
    <!-- What approval would need applies only before the decision. -->
    <xsl:if test="$s/r:blockers/r:blocker and not($decided)">
      <xsl:call-template name="h"><xsl:with-param name="level" select="2"/><xsl:with-param name="text">Outstanding before sign-off</xsl:with-param></xsl:call-template>
      <xsl:for-each select="$s/r:blockers/r:blocker"><xsl:call-template name="bullet"><xsl:with-param name="text" select="."/></xsl:call-template></xsl:for-each>
    </xsl:if>
    <xsl:if test="$s/r:warnings/r:warning and not($decided)">
      <xsl:call-template name="h"><xsl:with-param name="level" select="2"/><xsl:with-param name="text">To acknowledge with the decision</xsl:with-param></xsl:call-template>
      <xsl:for-each select="$s/r:warnings/r:warning"><xsl:call-template name="bullet"><xsl:with-param name="text" select="."/></xsl:call-template></xsl:for-each>
    </xsl:if>
  </xsl:template>

  <!-- ==== sections and questions ======================================= -->

  <xsl:template match="r:section">
    <xsl:call-template name="h">
      <xsl:with-param name="text" select="concat(position(), '. ', r:title)"/>
      <xsl:with-param name="page" select="true()"/>
    </xsl:call-template>
    <xsl:if test="r:intro and $with-guidance = 'yes'">
      <xsl:call-template name="lines"><xsl:with-param name="text" select="r:intro"/><xsl:with-param name="style" select="'Guidance'"/></xsl:call-template>
    </xsl:if>
    <xsl:if test="r:judgement">
      <text:p text:style-name="Text_20_body">The DPO's judgement: <text:span text:style-name="Strong_20_Emphasis"><xsl:call-template name="verdict"><xsl:with-param name="j" select="r:judgement"/></xsl:call-template></text:span></text:p>
      <xsl:if test="normalize-space(r:judgement/r:comment) != ''">
        <xsl:call-template name="lines"><xsl:with-param name="text" select="r:judgement/r:comment"/><xsl:with-param name="style" select="'Note'"/></xsl:call-template>
      </xsl:if>
    </xsl:if>
    <xsl:if test="@kind = 'screening'">
      <text:p text:style-name="Text_20_body">Outcome: <text:span text:style-name="Strong_20_Emphasis"><xsl:value-of select="$rec/r:summary/r:screening/@label"/></text:span>. <xsl:value-of select="$rec/r:summary/r:screening/r:rule"/></text:p>
    </xsl:if>
    <!-- Answers that the current answers make not applicable stay in
         the record, not in the report. -->
    <xsl:apply-templates select="r:question[not(@applicable = 'no')]"/>
    <xsl:if test="@kind = 'risks'"><xsl:call-template name="risks"/></xsl:if>
    <xsl:if test="@kind = 'measures'"><xsl:call-template name="measures"/></xsl:if>
    <xsl:if test="@kind = 'signoff'"><xsl:call-template name="signoffs"/></xsl:if>
  </xsl:template>

  <xsl:template match="r:question">
    <xsl:variable name="an" select="r:answer"/>
    <text:p text:style-name="Question"><xsl:value-of select="r:prompt"/><xsl:if test="@required = 'yes'"> (required)</xsl:if></text:p>
    <xsl:if test="r:ref">
      <text:p text:style-name="Small"><xsl:for-each select="r:ref"><xsl:if test="position() > 1"> · </xsl:if><xsl:value-of select="."/></xsl:for-each></text:p>
    </xsl:if>
    <xsl:choose>
      <xsl:when test="normalize-space($an/r:value) = ''"><text:p text:style-name="Answer">Not answered</text:p></xsl:when>
      <xsl:when test="$an/r:item">
        <xsl:for-each select="$an/r:item"><xsl:call-template name="bullet"><xsl:with-param name="text" select="."/></xsl:call-template></xsl:for-each>
      </xsl:when>
      <xsl:when test="$an/r:rows">
        <!-- a table answer: the reference, then a column each, sharing
             what the text width leaves (half centimetres, at least one) -->
        <xsl:variable name="nc" select="count(r:column)"/>
        <xsl:variable name="w">
          <xsl:choose>
            <xsl:when test="$nc &gt; 31">0.5</xsl:when>
            <xsl:otherwise><xsl:value-of select="floor(31 div $nc) * 0.5"/></xsl:otherwise>
          </xsl:choose>
        </xsl:variable>
        <table:table table:name="{concat('Table ', @id)}" table:style-name="Grid">
          <table:table-column table:style-name="W1.5"/>
          <table:table-column table:style-name="W{$w}" table:number-columns-repeated="{$nc}"/>
          <table:table-header-rows>
            <table:table-row>
              <xsl:call-template name="cell"><xsl:with-param name="text">Ref</xsl:with-param><xsl:with-param name="style" select="'Table_20_Heading'"/><xsl:with-param name="cell" select="'Head'"/></xsl:call-template>
              <xsl:for-each select="r:column">
                <xsl:call-template name="cell"><xsl:with-param name="text" select="."/><xsl:with-param name="style" select="'Table_20_Heading'"/><xsl:with-param name="cell" select="'Head'"/></xsl:call-template>
              </xsl:for-each>
            </table:table-row>
          </table:table-header-rows>
          <xsl:for-each select="$an/r:rows/r:row">
            <table:table-row>
              <xsl:call-template name="cell"><xsl:with-param name="text" select="@ref"/></xsl:call-template>
              <xsl:for-each select="r:cell">
                <xsl:call-template name="cell"><xsl:with-param name="text" select="."/></xsl:call-template>
              </xsl:for-each>
            </table:table-row>
          </xsl:for-each>
        </table:table>
      </xsl:when>
      <xsl:when test="@type = 'text'"><xsl:call-template name="lines"><xsl:with-param name="text" select="$an/r:value"/></xsl:call-template></xsl:when>
      <xsl:otherwise><xsl:call-template name="lines"><xsl:with-param name="text" select="$an/r:display"/></xsl:call-template></xsl:otherwise>
    </xsl:choose>
    <xsl:if test="normalize-space($an/r:note) != ''">
      <xsl:call-template name="lines">
        <xsl:with-param name="text">Note: <xsl:value-of select="$an/r:note"/></xsl:with-param><xsl:with-param name="style" select="'Note'"/>
      </xsl:call-template>
    </xsl:if>
    <xsl:if test="$an/@flagged = 'yes'"><text:p text:style-name="Note">Marked for follow-up</text:p></xsl:if>
  </xsl:template>

  <!-- ==== risks ========================================================= -->

  <xsl:template name="risks">
    <xsl:call-template name="h"><xsl:with-param name="level" select="2"/><xsl:with-param name="text">Method: <xsl:value-of select="$m/r:name"/></xsl:with-param></xsl:call-template>
    <xsl:call-template name="lines"><xsl:with-param name="text" select="$m/r:description"/><xsl:with-param name="style" select="'Small'"/></xsl:call-template>
    <table:table table:name="Scales" table:style-name="Grid">
      <xsl:call-template name="table-start">
        <xsl:with-param name="cols">Level|Likelihood|Severity</xsl:with-param>
        <xsl:with-param name="widths" select="'1.5 7.5 8'"/>
      </xsl:call-template>
      <xsl:for-each select="$m/r:likelihood/r:level">
        <xsl:variable name="v" select="@value"/>
        <table:table-row>
          <xsl:call-template name="cell"><xsl:with-param name="text" select="$v"/></xsl:call-template>
          <xsl:call-template name="cell"><xsl:with-param name="content">
            <text:p text:style-name="Table_20_Contents"><text:span text:style-name="Strong_20_Emphasis"><xsl:value-of select="@name"/></text:span>: <xsl:value-of select="normalize-space(.)"/></text:p>
          </xsl:with-param></xsl:call-template>
          <xsl:call-template name="cell"><xsl:with-param name="content">
            <text:p text:style-name="Table_20_Contents"><xsl:for-each select="$m/r:severity/r:level[@value = $v]"><text:span text:style-name="Strong_20_Emphasis"><xsl:value-of select="@name"/></text:span>: <xsl:value-of select="normalize-space(.)"/></xsl:for-each></text:p>
          </xsl:with-param></xsl:call-template>
        </table:table-row>
      </xsl:for-each>
    </table:table>
    <xsl:call-template name="h"><xsl:with-param name="level" select="2"/><xsl:with-param name="text">Risk register</xsl:with-param></xsl:call-template>
    <xsl:call-template name="heatmap">
      <xsl:with-param name="which" select="'before'"/><xsl:with-param name="caption">Before measures</xsl:with-param>
      <xsl:with-param name="name">Heat map before measures</xsl:with-param>
    </xsl:call-template>
    <xsl:call-template name="heatmap">
      <xsl:with-param name="which" select="'after'"/><xsl:with-param name="caption">After measures (residual)</xsl:with-param>
      <xsl:with-param name="name">Heat map after measures</xsl:with-param>
    </xsl:call-template>
    <xsl:call-template name="legend"/>
    <xsl:choose>
      <xsl:when test="not($rec/r:risks/r:risk)"><text:p text:style-name="Text_20_body">No risk recorded.</text:p></xsl:when>
      <xsl:otherwise>
        <table:table table:name="Risk register" table:style-name="Grid">
          <xsl:call-template name="table-start">
            <xsl:with-param name="cols">Risk|Description|Before measures|Measures|After measures|Movement</xsl:with-param>
            <xsl:with-param name="widths" select="'1.5 6.5 2.5 1.5 2.5 2.5'"/>
          </xsl:call-template>
          <xsl:for-each select="$rec/r:risks/r:risk">
            <xsl:variable name="n" select="@number"/>
            <table:table-row>
              <xsl:call-template name="cell"><xsl:with-param name="text" select="concat('R', $n)"/></xsl:call-template>
              <xsl:call-template name="cell"><xsl:with-param name="content">
                <text:p text:style-name="Table_20_Contents"><text:span text:style-name="Strong_20_Emphasis"><xsl:value-of select="r:title"/></text:span></text:p>
                <text:p text:style-name="Small">Type: <xsl:choose>
                  <xsl:when test="@type-label"><xsl:value-of select="@type-label"/></xsl:when>
                  <xsl:otherwise>Not said</xsl:otherwise>
                </xsl:choose></text:p>
                <xsl:call-template name="lines"><xsl:with-param name="text" select="r:description"/><xsl:with-param name="style" select="'Table_20_Contents'"/></xsl:call-template>
                <xsl:call-template name="labelled"><xsl:with-param name="label">Risk sources</xsl:with-param><xsl:with-param name="v" select="r:source"/></xsl:call-template>
                <xsl:call-template name="labelled"><xsl:with-param name="label">Threats</xsl:with-param><xsl:with-param name="v" select="r:threats"/></xsl:call-template>
                <xsl:call-template name="labelled"><xsl:with-param name="label">Impacts on people</xsl:with-param><xsl:with-param name="v" select="r:impacts"/></xsl:call-template>
                <xsl:call-template name="labelled"><xsl:with-param name="label">Table rows concerned</xsl:with-param><xsl:with-param name="v" select="r:concerns"/></xsl:call-template>
              </xsl:with-param></xsl:call-template>
              <xsl:call-template name="cell"><xsl:with-param name="content"><xsl:apply-templates select="r:before"/></xsl:with-param></xsl:call-template>
              <xsl:call-template name="cell"><xsl:with-param name="text">
                <xsl:for-each select="key('measures-of-risk', $n)"><xsl:if test="position() > 1">, </xsl:if>M<xsl:value-of select="@number"/></xsl:for-each>
              </xsl:with-param></xsl:call-template>
              <xsl:call-template name="cell"><xsl:with-param name="content"><xsl:apply-templates select="r:after"/></xsl:with-param></xsl:call-template>
              <xsl:call-template name="cell"><xsl:with-param name="text"><xsl:call-template name="movement"><xsl:with-param name="r" select="."/></xsl:call-template></xsl:with-param></xsl:call-template>
            </table:table-row>
          </xsl:for-each>
        </table:table>
        <xsl:call-template name="h"><xsl:with-param name="level" select="2"/><xsl:with-param name="text">Reasons for the scores</xsl:with-param></xsl:call-template>
        <xsl:for-each select="$rec/r:risks/r:risk">
          <text:p text:style-name="Question">R<xsl:value-of select="@number"/>. <xsl:value-of select="r:title"/></text:p>
          <xsl:call-template name="why"><xsl:with-param name="label">Likelihood before measures</xsl:with-param><xsl:with-param name="v" select="r:before/r:likelihood-why"/></xsl:call-template>
          <xsl:call-template name="why"><xsl:with-param name="label">Severity before measures</xsl:with-param><xsl:with-param name="v" select="r:before/r:severity-why"/></xsl:call-template>
          <xsl:call-template name="why"><xsl:with-param name="label">Likelihood after measures</xsl:with-param><xsl:with-param name="v" select="r:after/r:likelihood-why"/></xsl:call-template>
          <xsl:call-template name="why"><xsl:with-param name="label">Severity after measures</xsl:with-param><xsl:with-param name="v" select="r:after/r:severity-why"/></xsl:call-template>
        </xsl:for-each>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="why">
    <xsl:param name="label"/>
    <xsl:param name="v"/>
    <text:p text:style-name="Small"><xsl:value-of select="$label"/></text:p>
    <xsl:call-template name="lines"><xsl:with-param name="text" select="$v"/></xsl:call-template>
  </xsl:template>

  <xsl:template name="labelled">
    <xsl:param name="label"/>
    <xsl:param name="v"/>
    <xsl:if test="normalize-space($v) != ''">
      <xsl:call-template name="lines"><xsl:with-param name="text" select="concat($label, ': ', $v)"/><xsl:with-param name="style" select="'Small'"/></xsl:call-template>
    </xsl:if>
  </xsl:template>

  <xsl:template match="r:before | r:after">
    <xsl:choose>
      <xsl:when test="@level">
        <text:p text:style-name="Table_20_Contents"><text:span text:style-name="Strong_20_Emphasis"><xsl:value-of select="@level-name"/></text:span></text:p>
        <text:p text:style-name="Small">Likelihood: <xsl:value-of select="@likelihood-name"/> (<xsl:value-of select="@likelihood"/>)</text:p>
        <text:p text:style-name="Small">Severity: <xsl:value-of select="@severity-name"/> (<xsl:value-of select="@severity"/>)</text:p>
      </xsl:when>
      <xsl:otherwise><text:p text:style-name="Table_20_Contents">Not scored</text:p></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The colour of a level, as in report.xsl: the cell style that has it. -->
  <xsl:template name="fill">
    <xsl:param name="lv"/>
    <xsl:choose>
      <xsl:when test="$lv/@high = 'yes'">FillHigh</xsl:when>
      <xsl:when test="$lv/@rank = 1">FillLow</xsl:when>
      <xsl:otherwise>FillMid</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A heat map as a table: likelihood from the highest down, severity
       to the right, each cell coloured by its level and saying it in
       words, with the risks placed in it. -->
  <xsl:template name="heatmap">
    <xsl:param name="which"/>
    <xsl:param name="caption"/>
    <xsl:param name="name"/>
    <xsl:variable name="ns" select="count($m/r:severity/r:level)"/>
    <xsl:variable name="unscored" select="$rec/r:risks/r:risk[*[local-name() = $which][@likelihood = 0 or @severity = 0]]"/>
    <text:p text:style-name="Question"><xsl:value-of select="$caption"/><xsl:if test="$unscored">. Not scored: <xsl:for-each select="$unscored"><xsl:if test="position() > 1">, </xsl:if>R<xsl:value-of select="@number"/></xsl:for-each></xsl:if></text:p>
    <table:table table:name="{$name}" table:style-name="Map">
      <table:table-column table:style-name="W2.5"/>
      <table:table-column table:style-name="W2.5" table:number-columns-repeated="{$ns}"/>
      <xsl:for-each select="$m/r:likelihood/r:level">
        <xsl:sort select="@value" data-type="number" order="descending"/>
        <xsl:variable name="l" select="@value"/>
        <table:table-row>
          <xsl:call-template name="cell">
            <xsl:with-param name="text" select="@name"/><xsl:with-param name="style" select="'Table_20_Heading'"/>
            <xsl:with-param name="cell" select="'Head'"/>
          </xsl:call-template>
          <xsl:for-each select="$m/r:severity/r:level">
            <xsl:sort select="@value" data-type="number"/>
            <xsl:variable name="s" select="@value"/>
            <xsl:variable name="lv" select="key('level', $m/r:matrix/r:cell[@likelihood = $l and @severity = $s]/@level)"/>
            <xsl:call-template name="cell">
              <xsl:with-param name="cell"><xsl:call-template name="fill"><xsl:with-param name="lv" select="$lv"/></xsl:call-template></xsl:with-param>
              <xsl:with-param name="text"><xsl:value-of select="$lv/@name"/>
                <xsl:for-each select="key('scored-in-cell', concat($which, ' ', $l, ' ', $s))">
                  <xsl:choose><xsl:when test="position() = 1">: </xsl:when><xsl:otherwise>, </xsl:otherwise></xsl:choose>R<xsl:value-of select="../@number"/>
                </xsl:for-each>
              </xsl:with-param>
            </xsl:call-template>
          </xsl:for-each>
        </table:table-row>
      </xsl:for-each>
      <table:table-row>
        <xsl:call-template name="cell">
          <xsl:with-param name="text">Likelihood ↑ Severity →</xsl:with-param><xsl:with-param name="style" select="'Small'"/>
          <xsl:with-param name="cell" select="'Head'"/>
        </xsl:call-template>
        <xsl:for-each select="$m/r:severity/r:level">
          <xsl:sort select="@value" data-type="number"/>
          <xsl:call-template name="cell">
            <xsl:with-param name="text" select="@name"/><xsl:with-param name="style" select="'Table_20_Heading'"/>
            <xsl:with-param name="cell" select="'Head'"/>
          </xsl:call-template>
        </xsl:for-each>
      </table:table-row>
    </table:table>
  </xsl:template>

  <xsl:template name="legend">
    <text:p text:style-name="Question">Levels</text:p>
    <table:table table:name="Levels" table:style-name="Legend">
      <table:table-column table:style-name="W8"/>
      <xsl:for-each select="$m/r:levels/r:level">
        <table:table-row>
          <xsl:call-template name="cell">
            <xsl:with-param name="cell"><xsl:call-template name="fill"><xsl:with-param name="lv" select="."/></xsl:call-template></xsl:with-param>
            <xsl:with-param name="text"><xsl:value-of select="@name"/><xsl:if test="@high = 'yes'"> (high: Art. 36 if it remains)</xsl:if><xsl:if test="@acceptable = 'yes'"> (acceptable)</xsl:if></xsl:with-param>
          </xsl:call-template>
        </table:table-row>
      </xsl:for-each>
    </table:table>
    <xsl:if test="$m/r:levels/r:level/@acceptable">
      <text:p text:style-name="Text_20_body">Acceptance threshold: <xsl:value-of select="$m/r:levels/r:level[@acceptable = 'yes'][last()]/@name"/>. A residual risk above it may not be accepted.</text:p>
    </xsl:if>
    <xsl:if test="$rec/r:risks/r:risk">
      <text:p text:style-name="Question">Movement</text:p>
      <xsl:for-each select="$rec/r:risks/r:risk">
        <xsl:call-template name="bullet">
          <xsl:with-param name="text">R<xsl:value-of select="@number"/>: <xsl:call-template name="movement"><xsl:with-param name="r" select="."/></xsl:call-template><xsl:if test="$m/r:levels/r:level/@acceptable and r:after/@level"><xsl:choose><xsl:when test="key('level', r:after/@level)/@acceptable = 'yes'">; acceptable</xsl:when><xsl:otherwise>; above the acceptance threshold</xsl:otherwise></xsl:choose></xsl:if></xsl:with-param>
        </xsl:call-template>
      </xsl:for-each>
    </xsl:if>
  </xsl:template>

  <!-- ==== measures, sign-offs =========================================== -->

  <xsl:template name="measures">
    <xsl:call-template name="h"><xsl:with-param name="level" select="2"/><xsl:with-param name="text">Action plan</xsl:with-param></xsl:call-template>
    <xsl:choose>
      <xsl:when test="not($rec/r:measures/r:measure)"><text:p text:style-name="Text_20_body">No measure recorded.</text:p></xsl:when>
      <xsl:otherwise>
        <table:table table:name="Action plan" table:style-name="Grid">
          <xsl:call-template name="table-start">
            <xsl:with-param name="cols">Measure|Description|Type|Owner|Due|Status|Risks</xsl:with-param>
            <xsl:with-param name="widths" select="'1.5 6 2 2.5 2 1.5 1.5'"/>
          </xsl:call-template>
          <xsl:for-each select="$rec/r:measures/r:measure">
            <table:table-row>
              <xsl:call-template name="cell"><xsl:with-param name="text" select="concat('M', @number)"/></xsl:call-template>
              <xsl:call-template name="cell"><xsl:with-param name="content">
                <text:p text:style-name="Table_20_Contents"><text:span text:style-name="Strong_20_Emphasis"><xsl:value-of select="r:title"/></text:span></text:p>
                <xsl:call-template name="lines"><xsl:with-param name="text" select="r:description"/><xsl:with-param name="style" select="'Table_20_Contents'"/></xsl:call-template>
                <xsl:if test="r:group"><text:p text:style-name="Table_20_Contents">Group: <xsl:choose><xsl:when test="r:group/@name"><xsl:value-of select="r:group/@name"/></xsl:when><xsl:otherwise><xsl:value-of select="r:group"/></xsl:otherwise></xsl:choose></text:p></xsl:if>
              </xsl:with-param></xsl:call-template>
              <xsl:call-template name="cell"><xsl:with-param name="text" select="@type-label"/></xsl:call-template>
              <xsl:call-template name="cell"><xsl:with-param name="text" select="r:owner"/></xsl:call-template>
              <xsl:call-template name="cell"><xsl:with-param name="text" select="@due"/></xsl:call-template>
              <xsl:call-template name="cell"><xsl:with-param name="text" select="@status-label"/></xsl:call-template>
              <xsl:call-template name="cell"><xsl:with-param name="text">
                <xsl:for-each select="r:addresses"><xsl:if test="position() > 1">, </xsl:if>R<xsl:value-of select="@risk"/></xsl:for-each>
              </xsl:with-param></xsl:call-template>
            </table:table-row>
          </xsl:for-each>
        </table:table>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="signoffs">
    <xsl:call-template name="h"><xsl:with-param name="level" select="2"/><xsl:with-param name="text">Sign-offs</xsl:with-param></xsl:call-template>
    <xsl:if test="$rec/r:signoffs/r:signoff">
      <table:table table:name="Sign-offs" table:style-name="Grid">
        <xsl:call-template name="table-start">
          <xsl:with-param name="cols">Role|Name and position|Date|Advice, decision or comment</xsl:with-param>
          <xsl:with-param name="widths" select="'3 3.5 2 8.5'"/>
        </xsl:call-template>
        <xsl:for-each select="$rec/r:signoffs/r:signoff">
          <table:table-row>
            <xsl:call-template name="cell"><xsl:with-param name="text" select="@role-label"/></xsl:call-template>
            <xsl:call-template name="cell"><xsl:with-param name="content">
              <text:p text:style-name="Table_20_Contents"><xsl:value-of select="r:name"/></text:p>
              <xsl:if test="normalize-space(r:position) != ''"><text:p text:style-name="Small"><xsl:value-of select="r:position"/></text:p></xsl:if>
            </xsl:with-param></xsl:call-template>
            <xsl:call-template name="cell"><xsl:with-param name="text" select="@date"/></xsl:call-template>
            <xsl:call-template name="cell"><xsl:with-param name="content">
              <xsl:if test="@decision"><text:p text:style-name="Table_20_Contents"><text:span text:style-name="Strong_20_Emphasis">Decision: <xsl:value-of select="@decision-label"/></text:span></text:p></xsl:if>
              <xsl:call-template name="lines"><xsl:with-param name="text" select="r:advice"/><xsl:with-param name="style" select="'Table_20_Contents'"/></xsl:call-template>
              <xsl:if test="@role = 'dpo' and @advice-followed = 'yes'"><text:p text:style-name="Small">Advice followed.</text:p></xsl:if>
              <xsl:if test="@advice-followed = 'no'">
                <xsl:call-template name="lines"><xsl:with-param name="text">Advice not followed. Reasons: <xsl:value-of select="r:why-not"/></xsl:with-param><xsl:with-param name="style" select="'Small'"/></xsl:call-template>
              </xsl:if>
              <xsl:if test="normalize-space(r:acknowledged) != ''">
                <text:p text:style-name="Small">Warnings acknowledged with the decision:</text:p>
                <xsl:call-template name="lines"><xsl:with-param name="text" select="r:acknowledged"/><xsl:with-param name="style" select="'Small'"/></xsl:call-template>
              </xsl:if>
            </xsl:with-param></xsl:call-template>
          </table:table-row>
        </xsl:for-each>
      </table:table>
    </xsl:if>
    <xsl:if test="$rec/r:members/r:member">
      <xsl:call-template name="h"><xsl:with-param name="level" select="2"/><xsl:with-param name="text">People and roles</xsl:with-param></xsl:call-template>
      <xsl:for-each select="$rec/r:members/r:member">
        <xsl:call-template name="bullet"><xsl:with-param name="text"><xsl:value-of select="@person"/>: <xsl:value-of select="@role-label"/></xsl:with-param></xsl:call-template>
      </xsl:for-each>
      <xsl:for-each select="$rec/r:on-behalf/r:record">
        <xsl:call-template name="bullet"><xsl:with-param name="text"><xsl:value-of select="@what"/>: recorded by <xsl:value-of select="@recorded-by"/> on behalf of <xsl:value-of select="@for"/> (<xsl:value-of select="@role"/>). Reason: <xsl:value-of select="."/></xsl:with-param></xsl:call-template>
      </xsl:for-each>
    </xsl:if>
  </xsl:template>

  <!-- ==== workshops ================================================== -->

  <!-- The sessions in which the assessment was worked on with others:
       evidence of the consultation of Art. 35(2) and 35(9). Only when
       there was one. -->
  <xsl:template name="workshops">
    <xsl:if test="$rec/r:workshops">
      <xsl:call-template name="h"><xsl:with-param name="text">Workshops and consultation</xsl:with-param><xsl:with-param name="page" select="true()"/></xsl:call-template>
      <text:p text:style-name="Small">The sessions in which this assessment was worked on with others, who took part, and the questions answered or changed during each.</text:p>
      <xsl:for-each select="$rec/r:workshops/r:workshop">
        <xsl:call-template name="h">
          <xsl:with-param name="level" select="2"/>
          <xsl:with-param name="text">Workshop <xsl:value-of select="@number"/><xsl:call-template name="workshop-when-where"/></xsl:with-param>
        </xsl:call-template>
        <text:p text:style-name="Small">Run by <xsl:value-of select="@ran-by"/>. <xsl:if test="not(@ended)">Still open when this report was made.</xsl:if></text:p>
        <xsl:if test="r:agenda/r:section">
          <text:p text:style-name="Text_20_body">Agenda: <xsl:for-each select="r:agenda/r:section"><xsl:if test="position() &gt; 1">; </xsl:if><xsl:value-of select="."/></xsl:for-each></text:p>
        </xsl:if>
        <text:p text:style-name="Question">Participants</text:p>
        <xsl:choose>
          <xsl:when test="not(r:participants/r:participant)"><text:p text:style-name="Answer">No participant recorded.</text:p></xsl:when>
          <xsl:otherwise>
            <table:table table:name="{concat('Participants ', @number)}" table:style-name="Grid">
              <xsl:call-template name="table-start">
                <xsl:with-param name="cols">Name|Role|Organisation|Represents the people concerned (Art. 35(9))</xsl:with-param>
                <xsl:with-param name="widths" select="'4.5 4 4.5 4'"/>
              </xsl:call-template>
              <xsl:for-each select="r:participants/r:participant">
                <table:table-row>
                  <xsl:call-template name="cell"><xsl:with-param name="text" select="r:name"/></xsl:call-template>
                  <xsl:call-template name="cell"><xsl:with-param name="text" select="r:role"/></xsl:call-template>
                  <xsl:call-template name="cell"><xsl:with-param name="text" select="r:organisation"/></xsl:call-template>
                  <xsl:call-template name="cell"><xsl:with-param name="content">
                    <xsl:choose>
                      <xsl:when test="@represents = 'yes'"><text:p text:style-name="Table_20_Contents">Yes</text:p></xsl:when>
                      <xsl:otherwise><text:p text:style-name="Table_20_Contents">No</text:p></xsl:otherwise>
                    </xsl:choose>
                  </xsl:with-param></xsl:call-template>
                </table:table-row>
              </xsl:for-each>
            </table:table>
          </xsl:otherwise>
        </xsl:choose>
        <text:p text:style-name="Question">What it settled</text:p>
        <xsl:choose>
          <xsl:when test="not(r:settled/r:question)"><text:p text:style-name="Answer">No question was answered or changed during this workshop.</text:p></xsl:when>
          <xsl:otherwise>
            <xsl:for-each select="r:settled/r:question">
              <text:p text:style-name="List_20_Bullet">•<text:tab/><xsl:value-of select="."/> (<xsl:value-of select="@id"/>)</text:p>
            </xsl:for-each>
          </xsl:otherwise>
        </xsl:choose>
        <xsl:if test="normalize-space(r:minutes) != ''">
          <text:p text:style-name="Question">Minutes</text:p>
          <xsl:call-template name="lines"><xsl:with-param name="text" select="r:minutes"/></xsl:call-template>
        </xsl:if>
        <xsl:if test="r:open-points/r:point">
          <text:p text:style-name="Question">Open points</text:p>
          <xsl:for-each select="r:open-points/r:point">
            <text:p text:style-name="List_20_Bullet">•<text:tab/><xsl:value-of select="."/><xsl:if test="normalize-space(@who) != ''"> (taken by <xsl:value-of select="@who"/>)</xsl:if></text:p>
          </xsl:for-each>
        </xsl:if>
      </xsl:for-each>
    </xsl:if>
  </xsl:template>

  <!-- ", DATE, PLACE" after a workshop's number, what it has of them. -->
  <xsl:template name="workshop-when-where">
    <xsl:if test="@date">, <xsl:value-of select="@date"/></xsl:if>
    <xsl:if test="normalize-space(r:place) != ''">, <xsl:value-of select="r:place"/></xsl:if>
  </xsl:template>

  <!-- ==== coverage, change log, integrity =============================== -->

  <xsl:template name="coverage">
    <xsl:call-template name="h">
      <xsl:with-param name="text">
        <xsl:choose>
          <xsl:when test="not($rec/r:coverage/r:item) or $rec/r:coverage/r:item[contains(@ref, 'WP248')]">Coverage of Art. 35(7) and WP248 Annex 2</xsl:when>
          <xsl:otherwise>Coverage of the template: <xsl:value-of select="$rec/r:template/r:title"/></xsl:otherwise>
        </xsl:choose>
      </xsl:with-param><xsl:with-param name="page" select="true()"/>
    </xsl:call-template>
    <text:p text:style-name="Text_20_body"><xsl:value-of select="$rec/r:coverage/@met"/> of <xsl:value-of select="$rec/r:coverage/@total"/> items are met.</text:p>
    <table:table table:name="Coverage" table:style-name="Grid">
      <xsl:call-template name="table-start">
        <xsl:with-param name="cols">Item|Reference|Met</xsl:with-param>
        <xsl:with-param name="widths" select="'10 4.5 2.5'"/>
      </xsl:call-template>
      <xsl:for-each select="$rec/r:coverage/r:item">
        <table:table-row>
          <xsl:call-template name="cell"><xsl:with-param name="text" select="."/></xsl:call-template>
          <xsl:call-template name="cell"><xsl:with-param name="text" select="@ref"/><xsl:with-param name="style" select="'Small'"/></xsl:call-template>
          <xsl:call-template name="cell"><xsl:with-param name="content">
            <xsl:choose>
              <xsl:when test="@met = 'yes'"><text:p text:style-name="Table_20_Contents">Met</text:p></xsl:when>
              <xsl:otherwise><text:p text:style-name="Table_20_Heading">Not met</text:p></xsl:otherwise>
            </xsl:choose>
          </xsl:with-param></xsl:call-template>
        </table:table-row>
      </xsl:for-each>
    </table:table>
  </xsl:template>

  <xsl:template name="changelog">
    <xsl:call-template name="h">
      <xsl:with-param name="text">Appendix: change log</xsl:with-param><xsl:with-param name="page" select="true()"/>
    </xsl:call-template>
    <xsl:for-each select="$rec/r:changes">
      <xsl:call-template name="h"><xsl:with-param name="level" select="2"/><xsl:with-param name="text">Changes since revision <xsl:value-of select="@since-revision"/></xsl:with-param></xsl:call-template>
      <text:p text:style-name="Small"><xsl:choose><xsl:when test="@since-date">What differs from revision <xsl:value-of select="@since-revision"/>, decided on <xsl:value-of select="@since-date"/>, which this revision replaces.</xsl:when><xsl:otherwise>What differs from revision <xsl:value-of select="@since-revision"/>, which this revision replaces.</xsl:otherwise></xsl:choose></text:p>
      <xsl:choose>
        <xsl:when test="not(r:change)"><text:p text:style-name="Text_20_body">Nothing changed since revision <xsl:value-of select="@since-revision"/>.</text:p></xsl:when>
        <xsl:otherwise>
          <table:table table:name="Changes since revision {@since-revision}" table:style-name="Grid">
            <xsl:call-template name="table-start">
              <xsl:with-param name="cols">Item|Before|After</xsl:with-param>
              <xsl:with-param name="widths" select="'5 6 6'"/>
            </xsl:call-template>
            <xsl:for-each select="r:change">
              <table:table-row>
                <xsl:call-template name="cell"><xsl:with-param name="content">
                  <text:p text:style-name="Table_20_Contents"><xsl:value-of select="r:label"/></text:p>
                  <text:p text:style-name="Small"><xsl:value-of select="@view:what"/><xsl:if test="not(@view:what)"><xsl:value-of select="@what"/></xsl:if></text:p>
                </xsl:with-param></xsl:call-template>
                <xsl:call-template name="cell"><xsl:with-param name="text" select="(@view:old | r:old)[1]"/></xsl:call-template>
                <xsl:call-template name="cell"><xsl:with-param name="text" select="(@view:new | r:new)[1]"/></xsl:call-template>
              </table:table-row>
            </xsl:for-each>
          </table:table>
        </xsl:otherwise>
      </xsl:choose>
      <xsl:call-template name="h"><xsl:with-param name="level" select="2"/><xsl:with-param name="text">Change log</xsl:with-param></xsl:call-template>
    </xsl:for-each>
    <xsl:variable name="log" select="$rec/r:history/r:change"/>
    <xsl:choose>
      <xsl:when test="not($log)"><text:p text:style-name="Text_20_body">No change recorded.</text:p></xsl:when>
      <xsl:when test="$full-history = 'yes'">
        <text:p text:style-name="Small">Every change recorded for this assessment, oldest first (Art. 5(2) accountability).</text:p>
        <table:table table:name="Change log" table:style-name="Grid">
          <xsl:call-template name="table-start">
            <xsl:with-param name="cols">When|Who|What|Before|After</xsl:with-param>
            <xsl:with-param name="widths" select="'2.5 2.5 4 4 4'"/>
          </xsl:call-template>
          <xsl:for-each select="$log">
            <table:table-row>
              <xsl:call-template name="cell"><xsl:with-param name="text"><xsl:call-template name="time"><xsl:with-param name="t" select="@at"/></xsl:call-template></xsl:with-param></xsl:call-template>
              <xsl:call-template name="cell"><xsl:with-param name="text" select="@who"/></xsl:call-template>
              <xsl:call-template name="cell"><xsl:with-param name="content"><xsl:call-template name="item"><xsl:with-param name="what" select="r:what"/></xsl:call-template></xsl:with-param></xsl:call-template>
              <xsl:call-template name="cell"><xsl:with-param name="text" select="(@view:old | r:old)[1]"/></xsl:call-template>
              <xsl:call-template name="cell"><xsl:with-param name="text" select="(@view:new | r:new)[1]"/></xsl:call-template>
            </table:table-row>
          </xsl:for-each>
        </table:table>
      </xsl:when>
      <xsl:otherwise>
        <text:p text:style-name="Small">The <xsl:value-of select="count($log)"/> recorded changes, condensed: one row per person and day, saying what they changed. Each change with its values before and after is in the XML record and in the report exported with the full change log.</text:p>
        <table:table table:name="Change log" table:style-name="Grid">
          <xsl:call-template name="table-start">
            <xsl:with-param name="cols">Day|Who|Changes|What</xsl:with-param>
            <xsl:with-param name="widths" select="'2.5 3 2 9.5'"/>
          </xsl:call-template>
          <xsl:for-each select="$log[@view:first = 'day'] | $log[not($marked)][generate-id() = generate-id(key('changes-by-day', concat(substring(@at, 1, 10), ' ', @who))[1])]">
            <xsl:variable name="dk" select="concat(substring(@at, 1, 10), ' ', @who)"/>
            <xsl:variable name="g" select="key('changes-by-day', $dk)"/>
            <xsl:variable name="ans" select="$g[starts-with(r:what, 'answer ')]"/>
            <table:table-row>
              <xsl:call-template name="cell"><xsl:with-param name="text" select="substring(@at, 1, 10)"/></xsl:call-template>
              <xsl:call-template name="cell"><xsl:with-param name="text" select="@who"/></xsl:call-template>
              <xsl:call-template name="cell"><xsl:with-param name="text" select="count($g)"/></xsl:call-template>
              <xsl:call-template name="cell"><xsl:with-param name="content">
                <xsl:if test="$ans">
                  <text:p text:style-name="Table_20_Contents">Answers (<xsl:value-of select="count($ans)"/>): <xsl:for-each select="$rec/r:sections/r:section">
                      <xsl:variable name="sid" select="generate-id()"/>
                      <xsl:variable name="n" select="count($ans[generate-id(key('question', substring-after(r:what, ' '))/..) = $sid])"/>
                      <xsl:if test="$n &gt; 0"><xsl:value-of select="r:title"/>: <xsl:value-of select="$n"/>; </xsl:if>
                    </xsl:for-each></text:p>
                </xsl:if>
                <xsl:variable name="firsts" select="$g[not(starts-with(r:what, 'answer '))][@view:first-of-item or (not($marked) and generate-id() = generate-id(key('changes-by-item-day', concat($dk, ' ', substring-before(concat(r:what, ' '), ' '), ' ', substring-before(concat(substring-after(r:what, ' '), ' '), ' ')))[1]))]"/>
                <xsl:call-template name="kind-line"><xsl:with-param name="c" select="$firsts[starts-with(r:what, 'risk ')]"/><xsl:with-param name="label">Risks</xsl:with-param></xsl:call-template>
                <xsl:call-template name="kind-line"><xsl:with-param name="c" select="$firsts[starts-with(r:what, 'measure ')]"/><xsl:with-param name="label">Measures</xsl:with-param></xsl:call-template>
                <xsl:call-template name="kind-line"><xsl:with-param name="c" select="$firsts[starts-with(r:what, 'sign-off ')]"/><xsl:with-param name="label">Sign-offs</xsl:with-param></xsl:call-template>
                <xsl:call-template name="kind-line"><xsl:with-param name="c" select="$firsts[starts-with(r:what, 'member ')]"/><xsl:with-param name="label">People</xsl:with-param></xsl:call-template>
                <xsl:call-template name="kind-line"><xsl:with-param name="c" select="$firsts[starts-with(r:what, 'review ')]"/><xsl:with-param name="label">Review</xsl:with-param></xsl:call-template>
                <xsl:call-template name="kind-line"><xsl:with-param name="c" select="$firsts[starts-with(r:what, 'comment ')]"/><xsl:with-param name="label">Comments</xsl:with-param></xsl:call-template>
                <xsl:for-each select="$firsts[not(starts-with(r:what, 'risk ') or starts-with(r:what, 'measure ') or starts-with(r:what, 'sign-off ') or starts-with(r:what, 'member ') or starts-with(r:what, 'review ') or starts-with(r:what, 'comment '))]">
                  <xsl:call-template name="item"><xsl:with-param name="what" select="r:what"/><xsl:with-param name="short" select="true()"/></xsl:call-template>
                </xsl:for-each>
              </xsl:with-param></xsl:call-template>
            </table:table-row>
          </xsl:for-each>
        </table:table>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="kind-line">
    <xsl:param name="c"/>
    <xsl:param name="label"/>
    <xsl:if test="$c">
      <text:p text:style-name="Small"><xsl:value-of select="$label"/>: <xsl:for-each select="$c"><xsl:if test="position() > 1">, </xsl:if><xsl:value-of select="@view:item"/><xsl:if test="not(@view:item)"><xsl:value-of select="substring-before(concat(substring-after(r:what, ' '), ' '), ' ')"/></xsl:if></xsl:for-each></text:p>
    </xsl:if>
  </xsl:template>

  <!-- An entry of the change log named for a reader: a question by its
       prompt (its id in small print), anything else in people's words
       where the report marked them (view:what), else as recorded. -->
  <xsl:template name="item">
    <xsl:param name="what"/>
    <xsl:param name="short" select="false()"/>
    <xsl:variable name="kind" select="substring-before($what, ' ')"/>
    <xsl:variable name="q" select="key('question', substring-after($what, ' '))"/>
    <xsl:choose>
      <xsl:when test="$q and ($kind = 'answer' or $kind = 'note' or $kind = 'follow-up')">
        <text:p text:style-name="Table_20_Contents"><xsl:choose>
            <xsl:when test="$kind = 'note'">Note on: </xsl:when>
            <xsl:when test="$kind = 'follow-up'">Follow-up mark on: </xsl:when>
          </xsl:choose><xsl:value-of select="$q/r:prompt"/></text:p>
        <xsl:if test="not($short)"><text:p text:style-name="Small"><xsl:value-of select="($what/../@view:what | $what)[1]"/></text:p></xsl:if>
      </xsl:when>
      <xsl:otherwise><text:p text:style-name="Table_20_Contents"><xsl:value-of select="($what/../@view:what | $what)[1]"/></text:p></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="integrity">
    <xsl:call-template name="h">
      <xsl:with-param name="text">Appendix: integrity of this report</xsl:with-param><xsl:with-param name="page" select="true()"/>
    </xsl:call-template>
    <text:p text:style-name="Text_20_body">This report was made from the XML record of the assessment. The record digest is the SHA-256 of the record's canonical XML form (Canonical XML 1.0) with the digest element left empty; the template digest is the SHA-256 of the questionnaire template as the assessment was started with it. Export the record again to compare.</text:p>
    <table:table table:name="Integrity" table:style-name="Grid">
      <xsl:call-template name="table-start"><xsl:with-param name="widths" select="'5 12'"/></xsl:call-template>
      <xsl:call-template name="fact">
        <xsl:with-param name="label">Generated by</xsl:with-param>
        <xsl:with-param name="text"><xsl:value-of select="concat($rec/r:generator/@name, ' ', $rec/r:generator/@version, ', ')"/><xsl:call-template name="time"><xsl:with-param name="t" select="$rec/r:generator/@exported"/></xsl:call-template></xsl:with-param>
      </xsl:call-template>
      <xsl:call-template name="fact">
        <xsl:with-param name="label">Template digest (SHA-256)</xsl:with-param>
        <xsl:with-param name="text" select="$rec/r:template/@digest"/>
      </xsl:call-template>
      <xsl:call-template name="fact">
        <xsl:with-param name="label">Record digest (SHA-256)</xsl:with-param>
        <xsl:with-param name="text" select="$rec/r:digest"/>
      </xsl:call-template>
    </table:table>
  </xsl:template>

</xsl:stylesheet>
