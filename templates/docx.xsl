<?xml version="1.0" encoding="UTF-8"?>
<!--
  The dpia report as an Office Open XML document (DOCX): turns a dpia
  record (urn:dpia:record:1) into the XML parts of the document, one part
  per run, chosen by the parameter "part": content-types
  ([Content_Types].xml), rels (_rels/.rels), core (docProps/core.xml),
  document (word/document.xml), styles (word/styles.xml), document-rels
  (word/_rels/document.xml.rels) or footer (word/footer1.xml, the page
  number as a PAGE field). dpia zips them.

  The same report as the HTML one (report.xsl), in the same words: the
  cover, a one-page summary, the sections with the risk register beside
  its heat maps (tables, each cell's level in words and in colour, with a
  legend), the action plan, the sign-offs, the workshops (when there
  was one), the coverage, the change log (condensed unless full-history
  is 'yes') and the integrity appendix;
  each section's guidance only when with-guidance is 'yes'.

  Named styles a legal team can change in Word or LibreOffice: Title,
  Heading 1 and 2, Question, Answer, Note, Small, Guidance, List Bullet,
  Table Heading, Table Text, Footer and the table styles DPIA Table and
  DPIA Facts.

  Run with libxslt, XSLT 1.0, without access to files or the network.
  Text from the record is written as text nodes only (the processor
  escapes it): no disable-output-escaping anywhere.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:r="urn:dpia:record:1"
    xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    xmlns:rel="http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    xmlns:view="urn:dpia:report-view:1"
    exclude-result-prefixes="r view">

  <xsl:output method="xml" encoding="UTF-8" indent="no" standalone="yes"/>

  <xsl:param name="part" select="'document'"/>
  <xsl:param name="with-guidance" select="'no'"/>
  <xsl:param name="full-history" select="'no'"/>

  <xsl:variable name="rec" select="/r:record"/>
  <xsl:variable name="title" select="/r:record/r:assessment/r:title"/>
  <xsl:variable name="ctl" select="/r:record/r:signoffs/r:signoff[@role = 'controller']"/>
  <xsl:variable name="pkg" select="'http://schemas.openxmlformats.org/package/2006/relationships'"/>
  <xsl:variable name="officedoc" select="'http://schemas.openxmlformats.org/officeDocument/2006/relationships'"/>
  <xsl:variable name="ct" select="'application/vnd.openxmlformats-officedocument.wordprocessingml'"/>

  <xsl:template match="/">
    <xsl:choose>
      <xsl:when test="$part = 'content-types'"><xsl:call-template name="content-types"/></xsl:when>
      <xsl:when test="$part = 'rels'"><xsl:call-template name="rels"/></xsl:when>
      <xsl:when test="$part = 'core'"><xsl:call-template name="core"/></xsl:when>
      <xsl:when test="$part = 'styles'"><xsl:call-template name="styles"/></xsl:when>
      <xsl:when test="$part = 'document-rels'"><xsl:call-template name="document-rels"/></xsl:when>
      <xsl:when test="$part = 'footer'"><xsl:call-template name="footer"/></xsl:when>
      <xsl:otherwise><xsl:call-template name="document"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- === the package ===================================================== -->
  <xsl:template name="content-types">
    <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
      <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
      <Default Extension="xml" ContentType="application/xml"/>
      <Override PartName="/word/document.xml" ContentType="{$ct}.document.main+xml"/>
      <Override PartName="/word/styles.xml" ContentType="{$ct}.styles+xml"/>
      <Override PartName="/word/footer1.xml" ContentType="{$ct}.footer+xml"/>
      <Override PartName="/docProps/core.xml"
          ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>
    </Types>
  </xsl:template>

  <xsl:template name="rels">
    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
      <Relationship Id="rId1" Type="{$officedoc}/officeDocument" Target="word/document.xml"/>
      <Relationship Id="rId2" Type="{$pkg}/metadata/core-properties" Target="docProps/core.xml"/>
    </Relationships>
  </xsl:template>

  <xsl:template name="document-rels">
    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
      <Relationship Id="rId1" Type="{$officedoc}/styles" Target="styles.xml"/>
      <Relationship Id="rId2" Type="{$officedoc}/footer" Target="footer1.xml"/>
    </Relationships>
  </xsl:template>

  <xsl:template name="core">
    <cp:coreProperties
        xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"
        xmlns:dc="http://purl.org/dc/elements/1.1/"
        xmlns:dcterms="http://purl.org/dc/terms/"
        xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
      <dc:title><xsl:value-of select="$title"/></dc:title>
      <dc:subject>Data Protection Impact Assessment</dc:subject>
      <dc:creator>dpia <xsl:value-of select="$rec/r:generator/@version"/></dc:creator>
      <dcterms:created xsi:type="dcterms:W3CDTF"><xsl:value-of select="$rec/r:generator/@exported"/></dcterms:created>
    </cp:coreProperties>
  </xsl:template>

  <xsl:template name="footer">
    <w:ftr>
      <w:p>
        <w:pPr><w:pStyle w:val="Footer"/></w:pPr>
        <w:r><w:t xml:space="preserve"><xsl:value-of select="$title"/> · page </w:t></w:r>
        <w:r><w:fldChar w:fldCharType="begin"/></w:r>
        <w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>
        <w:r><w:fldChar w:fldCharType="separate"/></w:r>
        <w:r><w:t>1</w:t></w:r>
        <w:r><w:fldChar w:fldCharType="end"/></w:r>
      </w:p>
    </w:ftr>
  </xsl:template>

  <!-- === word/styles.xml ================================================= -->
  <xsl:template name="pstyle">
    <xsl:param name="id"/>
    <xsl:param name="name"/>
    <xsl:param name="size" select="''"/>
    <xsl:param name="bold" select="false()"/>
    <xsl:param name="above" select="0"/>
    <xsl:param name="below" select="120"/>
    <xsl:param name="level" select="''"/>
    <w:style w:type="paragraph" w:styleId="{$id}">
      <w:name w:val="{$name}"/>
      <w:basedOn w:val="Normal"/>
      <w:qFormat/>
      <w:pPr>
        <xsl:if test="$level != '' or $id = 'Question'"><w:keepNext/></xsl:if>
        <w:spacing w:before="{$above}" w:after="{$below}"/>
        <xsl:if test="$level != ''"><w:outlineLvl w:val="{$level}"/></xsl:if>
      </w:pPr>
      <w:rPr>
        <xsl:if test="$bold"><w:b/></xsl:if>
        <xsl:if test="$size != ''"><w:sz w:val="{$size}"/></xsl:if>
      </w:rPr>
    </w:style>
  </xsl:template>

  <xsl:template name="styles">
    <w:styles>
      <w:docDefaults>
        <w:rPrDefault><w:rPr>
          <w:rFonts w:ascii="Liberation Sans" w:hAnsi="Liberation Sans" w:cs="Liberation Sans"/>
          <w:sz w:val="21"/><w:lang w:val="en-GB"/>
        </w:rPr></w:rPrDefault>
        <w:pPrDefault><w:pPr><w:spacing w:after="120"/></w:pPr></w:pPrDefault>
      </w:docDefaults>
      <w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>
      <xsl:call-template name="pstyle">
        <xsl:with-param name="id" select="'Title'"/><xsl:with-param name="name" select="'Title'"/>
        <xsl:with-param name="size" select="40"/><xsl:with-param name="bold" select="true()"/>
        <xsl:with-param name="below" select="240"/>
      </xsl:call-template>
      <xsl:call-template name="pstyle">
        <xsl:with-param name="id" select="'Heading1'"/><xsl:with-param name="name" select="'heading 1'"/>
        <xsl:with-param name="size" select="30"/><xsl:with-param name="bold" select="true()"/>
        <xsl:with-param name="above" select="360"/><xsl:with-param name="level" select="0"/>
      </xsl:call-template>
      <xsl:call-template name="pstyle">
        <xsl:with-param name="id" select="'Heading2'"/><xsl:with-param name="name" select="'heading 2'"/>
        <xsl:with-param name="size" select="25"/><xsl:with-param name="bold" select="true()"/>
        <xsl:with-param name="above" select="240"/><xsl:with-param name="level" select="1"/>
      </xsl:call-template>
      <xsl:call-template name="pstyle">
        <xsl:with-param name="id" select="'Question'"/><xsl:with-param name="name" select="'Question'"/>
        <xsl:with-param name="bold" select="true()"/><xsl:with-param name="above" select="180"/>
        <xsl:with-param name="below" select="60"/>
      </xsl:call-template>
      <xsl:call-template name="pstyle">
        <xsl:with-param name="id" select="'Answer'"/><xsl:with-param name="name" select="'Answer'"/>
      </xsl:call-template>
      <xsl:call-template name="pstyle">
        <xsl:with-param name="id" select="'Note'"/><xsl:with-param name="name" select="'Note'"/>
        <xsl:with-param name="size" select="19"/>
      </xsl:call-template>
      <xsl:call-template name="pstyle">
        <xsl:with-param name="id" select="'Small'"/><xsl:with-param name="name" select="'Small'"/>
        <xsl:with-param name="size" select="18"/><xsl:with-param name="below" select="60"/>
      </xsl:call-template>
      <xsl:call-template name="pstyle">
        <xsl:with-param name="id" select="'Guidance'"/><xsl:with-param name="name" select="'Guidance'"/>
        <xsl:with-param name="size" select="19"/>
      </xsl:call-template>
      <w:style w:type="paragraph" w:styleId="ListBullet">
        <w:name w:val="List Bullet"/>
        <w:basedOn w:val="Normal"/>
        <w:qFormat/>
        <w:pPr><w:spacing w:before="0" w:after="30"/><w:ind w:left="340" w:hanging="227"/></w:pPr>
      </w:style>
      <xsl:call-template name="pstyle">
        <xsl:with-param name="id" select="'TableText'"/><xsl:with-param name="name" select="'Table Text'"/>
        <xsl:with-param name="size" select="19"/><xsl:with-param name="below" select="60"/>
      </xsl:call-template>
      <xsl:call-template name="pstyle">
        <xsl:with-param name="id" select="'TableHeading'"/><xsl:with-param name="name" select="'Table Heading'"/>
        <xsl:with-param name="size" select="19"/><xsl:with-param name="bold" select="true()"/>
        <xsl:with-param name="below" select="60"/>
      </xsl:call-template>
      <xsl:call-template name="pstyle">
        <xsl:with-param name="id" select="'Footer'"/><xsl:with-param name="name" select="'footer'"/>
        <xsl:with-param name="size" select="18"/><xsl:with-param name="below" select="0"/>
      </xsl:call-template>
      <w:style w:type="table" w:styleId="DpiaTable">
        <w:name w:val="DPIA Table"/>
        <w:tblPr>
          <w:tblBorders>
            <w:top w:val="single" w:sz="4" w:space="0" w:color="000000"/>
            <w:left w:val="single" w:sz="4" w:space="0" w:color="000000"/>
            <w:bottom w:val="single" w:sz="4" w:space="0" w:color="000000"/>
            <w:right w:val="single" w:sz="4" w:space="0" w:color="000000"/>
            <w:insideH w:val="single" w:sz="4" w:space="0" w:color="000000"/>
            <w:insideV w:val="single" w:sz="4" w:space="0" w:color="000000"/>
          </w:tblBorders>
          <w:tblCellMar>
            <w:left w:w="80" w:type="dxa"/><w:right w:w="80" w:type="dxa"/>
          </w:tblCellMar>
        </w:tblPr>
      </w:style>
      <w:style w:type="table" w:styleId="DpiaFacts">
        <w:name w:val="DPIA Facts"/>
        <w:tblPr>
          <w:tblBorders>
            <w:bottom w:val="single" w:sz="4" w:space="0" w:color="BBBBBB"/>
            <w:insideH w:val="single" w:sz="4" w:space="0" w:color="BBBBBB"/>
          </w:tblBorders>
          <w:tblCellMar>
            <w:left w:w="80" w:type="dxa"/><w:right w:w="80" w:type="dxa"/>
          </w:tblCellMar>
        </w:tblPr>
      </w:style>
    </w:styles>
  </xsl:template>

  <!-- === word/document.xml =============================================== -->

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

  <xsl:template name="document">
    <w:document>
      <w:body>
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
        <!-- The body ends with a paragraph, as Word wants it. -->
        <w:p/>
        <w:sectPr>
          <w:footerReference w:type="default" rel:id="rId2"/>
          <w:pgSz w:w="11906" w:h="16838"/>
          <w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1134" w:header="567"
              w:footer="567" w:gutter="0"/>
        </w:sectPr>
      </w:body>
    </w:document>
  </xsl:template>

  <!-- ==== building blocks ============================================== -->

  <!-- A heading; a part of the report starts on a new page. -->
  <xsl:template name="h">
    <xsl:param name="level" select="1"/>
    <xsl:param name="text"/>
    <xsl:param name="page" select="false()"/>
    <w:p>
      <w:pPr>
        <w:pStyle w:val="Heading{$level}"/>
        <xsl:if test="$page"><w:pageBreakBefore/></xsl:if>
      </w:pPr>
      <w:r><w:t xml:space="preserve"><xsl:value-of select="$text"/></w:t></w:r>
    </w:p>
  </xsl:template>

  <xsl:template name="p">
    <xsl:param name="text"/>
    <xsl:param name="style" select="'Normal'"/>
    <w:p>
      <w:pPr><w:pStyle w:val="{$style}"/></w:pPr>
      <w:r><w:t xml:space="preserve"><xsl:value-of select="$text"/></w:t></w:r>
    </w:p>
  </xsl:template>

  <!-- One paragraph per line of text. -->
  <xsl:template name="lines">
    <xsl:param name="text"/>
    <xsl:param name="style" select="'Answer'"/>
    <xsl:choose>
      <xsl:when test="contains($text, '&#10;')">
        <xsl:call-template name="p">
          <xsl:with-param name="style" select="$style"/>
          <xsl:with-param name="text" select="substring-before($text, '&#10;')"/>
        </xsl:call-template>
        <xsl:call-template name="lines">
          <xsl:with-param name="text" select="substring-after($text, '&#10;')"/>
          <xsl:with-param name="style" select="$style"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="p">
          <xsl:with-param name="style" select="$style"/>
          <xsl:with-param name="text" select="$text"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="bullet">
    <xsl:param name="text"/>
    <w:p>
      <w:pPr><w:pStyle w:val="ListBullet"/></w:pPr>
      <w:r><w:t>•</w:t></w:r><w:r><w:tab/></w:r>
      <w:r><w:t xml:space="preserve"><xsl:value-of select="$text"/></w:t></w:r>
    </w:p>
  </xsl:template>

  <!-- A table cell: its text (one paragraph a line) or paragraphs given,
       shaded as its kind says (Head, FillHigh, FillLow, FillMid: the
       colours of report.xsl's levels). -->
  <xsl:template name="cell">
    <xsl:param name="text"/>
    <xsl:param name="content"/>
    <xsl:param name="style" select="'TableText'"/>
    <xsl:param name="cell" select="'Cell'"/>
    <xsl:variable name="fill">
      <xsl:choose>
        <xsl:when test="$cell = 'Head'">EEEEEE</xsl:when>
        <xsl:when test="$cell = 'FillHigh'">E8C4BF</xsl:when>
        <xsl:when test="$cell = 'FillLow'">DBE7D3</xsl:when>
        <xsl:when test="$cell = 'FillMid'">F2E3BD</xsl:when>
      </xsl:choose>
    </xsl:variable>
    <w:tc>
      <xsl:if test="$fill != ''">
        <w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="{$fill}"/></w:tcPr>
      </xsl:if>
      <xsl:choose>
        <xsl:when test="$content"><xsl:copy-of select="$content"/></xsl:when>
        <xsl:otherwise>
          <xsl:call-template name="lines">
            <xsl:with-param name="text" select="$text"/>
            <xsl:with-param name="style" select="$style"/>
          </xsl:call-template>
        </xsl:otherwise>
      </xsl:choose>
    </w:tc>
  </xsl:template>

  <xsl:template name="head">
    <xsl:param name="cols"/>
    <xsl:if test="$cols != ''">
      <xsl:call-template name="cell">
        <xsl:with-param name="text" select="substring-before(concat($cols, '|'), '|')"/>
        <xsl:with-param name="style" select="'TableHeading'"/>
        <xsl:with-param name="cell" select="'Head'"/>
      </xsl:call-template>
      <xsl:call-template name="head">
        <xsl:with-param name="cols" select="substring-after($cols, '|')"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- The grid's columns by their widths in centimetres (567 twips
       each); the text is 17 cm wide. -->
  <xsl:template name="grid">
    <xsl:param name="widths"/>
    <xsl:if test="$widths != ''">
      <w:gridCol w:w="{round(substring-before(concat($widths, ' '), ' ') * 567)}"/>
      <xsl:call-template name="grid">
        <xsl:with-param name="widths" select="substring-after($widths, ' ')"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <xsl:template name="grid-repeat">
    <xsl:param name="w"/>
    <xsl:param name="n"/>
    <xsl:if test="$n &gt; 0">
      <w:gridCol w:w="{$w}"/>
      <xsl:call-template name="grid-repeat">
        <xsl:with-param name="w" select="$w"/><xsl:with-param name="n" select="$n - 1"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- A table's properties and grid, then the header row, repeated on
       each page, when there are headings. Tables of facts (without
       headings) have lines between rows only. -->
  <xsl:template name="table-start">
    <xsl:param name="cols" select="''"/>
    <xsl:param name="widths"/>
    <w:tblPr>
      <xsl:choose>
        <xsl:when test="$cols != ''"><w:tblStyle w:val="DpiaTable"/></xsl:when>
        <xsl:otherwise><w:tblStyle w:val="DpiaFacts"/></xsl:otherwise>
      </xsl:choose>
      <w:tblW w:w="5000" w:type="pct"/>
      <w:tblLayout w:type="fixed"/>
      <w:tblLook w:val="0020" w:firstRow="1" w:lastRow="0" w:firstColumn="0" w:lastColumn="0"
          w:noHBand="1" w:noVBand="1"/>
    </w:tblPr>
    <w:tblGrid><xsl:call-template name="grid"><xsl:with-param name="widths" select="$widths"/></xsl:call-template></w:tblGrid>
    <xsl:if test="$cols != ''">
      <w:tr>
        <w:trPr><w:tblHeader/></w:trPr>
        <xsl:call-template name="head"><xsl:with-param name="cols" select="$cols"/></xsl:call-template>
      </w:tr>
    </xsl:if>
  </xsl:template>

  <!-- A small table of a given width in twips, at the left. -->
  <xsl:template name="small-table">
    <xsl:param name="width"/>
    <w:tblPr>
      <w:tblStyle w:val="DpiaTable"/>
      <w:tblW w:w="{$width}" w:type="dxa"/>
      <w:tblLayout w:type="fixed"/>
      <w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" w:firstColumn="0" w:lastColumn="0"
          w:noHBand="1" w:noVBand="1"/>
    </w:tblPr>
  </xsl:template>

  <!-- A row of a table of facts: the label, then what is said. -->
  <xsl:template name="fact">
    <xsl:param name="label"/>
    <xsl:param name="text"/>
    <xsl:param name="content"/>
    <w:tr>
      <w:trPr><w:cantSplit/></w:trPr>
      <xsl:call-template name="cell">
        <xsl:with-param name="text" select="$label"/>
        <xsl:with-param name="style" select="'TableHeading'"/>
      </xsl:call-template>
      <xsl:call-template name="cell">
        <xsl:with-param name="text" select="$text"/>
        <xsl:with-param name="content" select="$content"/>
      </xsl:call-template>
    </w:tr>
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
    <w:p><w:pPr><w:pStyle w:val="Normal"/></w:pPr><w:r><w:t xml:space="preserve">Data Protection Impact Assessment</w:t></w:r></w:p>
    <w:p><w:pPr><w:pStyle w:val="Small"/></w:pPr><w:r><w:t xml:space="preserve">Article 35 of Regulation (EU) 2016/679 (GDPR)</w:t></w:r></w:p>
    <w:p><w:pPr><w:pStyle w:val="Title"/></w:pPr><w:r><w:t xml:space="preserve"><xsl:value-of select="$title"/></w:t></w:r></w:p>
    <w:tbl>
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
    </w:tbl>
  </xsl:template>

  <!-- ==== the summary =================================================== -->

  <xsl:template name="summary">
    <xsl:variable name="s" select="$rec/r:summary"/>
    <xsl:variable name="dpo" select="$rec/r:signoffs/r:signoff[@role = 'dpo']"/>
    <xsl:call-template name="h">
      <xsl:with-param name="text">Summary</xsl:with-param><xsl:with-param name="page" select="true()"/>
    </xsl:call-template>
    <xsl:if test="$not-required">
      <w:p><w:pPr><w:pStyle w:val="Normal"/></w:pPr><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">DPIA not required.</w:t></w:r><w:r><w:t xml:space="preserve"> The screening concluded that no DPIA is needed for this processing; the assessment was closed on the screening alone, with the Data Protection Officer's sign-off (<xsl:call-template name="person"><xsl:with-param name="s" select="$dpo"/></xsl:call-template>).</w:t></w:r></w:p>
    </xsl:if>
    <w:tbl>
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
            <xsl:when test="$not-required"><w:p><w:pPr><w:pStyle w:val="TableText"/></w:pPr><w:r><w:t xml:space="preserve">DPIA not required</w:t></w:r></w:p></xsl:when>
            <xsl:when test="$ctl/@decision">
              <w:p><w:pPr><w:pStyle w:val="TableText"/></w:pPr><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve"><xsl:value-of select="$ctl/@decision-label"/></w:t></w:r><w:r><w:t xml:space="preserve">, <xsl:call-template name="person"><xsl:with-param name="s" select="$ctl"/></xsl:call-template></w:t></w:r></w:p>
              <xsl:if test="normalize-space($ctl/r:advice) != ''">
                <xsl:call-template name="p"><xsl:with-param name="style" select="'Small'"/><xsl:with-param name="text"><xsl:choose>
                  <xsl:when test="$ctl/@decision = 'approve-with-conditions'">Conditions:</xsl:when>
                  <xsl:otherwise>Comment:</xsl:otherwise>
                </xsl:choose></xsl:with-param></xsl:call-template>
                <xsl:call-template name="lines">
                  <xsl:with-param name="text" select="$ctl/r:advice"/><xsl:with-param name="style" select="'TableText'"/>
                </xsl:call-template>
              </xsl:if>
            </xsl:when>
            <xsl:otherwise><w:p><w:pPr><w:pStyle w:val="TableText"/></w:pPr><w:r><w:t xml:space="preserve">No decision recorded</w:t></w:r></w:p></xsl:otherwise>
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
          <w:p><w:pPr><w:pStyle w:val="TableText"/></w:pPr><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve"><xsl:value-of select="$s/r:screening/@label"/></w:t></w:r></w:p>
          <xsl:for-each select="$s/r:screening/r:criterion">
            <xsl:call-template name="bullet"><xsl:with-param name="text">Criterion <xsl:value-of select="@number"/>: <xsl:value-of select="."/></xsl:with-param></xsl:call-template>
          </xsl:for-each>
          <xsl:for-each select="$s/r:screening/r:ground">
            <xsl:call-template name="p"><xsl:with-param name="text">Mandatory case: <xsl:value-of select="."/></xsl:with-param><xsl:with-param name="style" select="'TableText'"/></xsl:call-template>
          </xsl:for-each>
          <xsl:call-template name="p"><xsl:with-param name="text" select="$s/r:screening/r:rule"/><xsl:with-param name="style" select="'Small'"/></xsl:call-template>
        </xsl:with-param>
      </xsl:call-template>
      <xsl:call-template name="fact">
        <xsl:with-param name="label">Highest residual risk</xsl:with-param>
        <xsl:with-param name="content">
          <xsl:choose>
            <xsl:when test="$s/r:highest-residual/@level">
              <w:p><w:pPr><w:pStyle w:val="TableText"/></w:pPr><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve"><xsl:value-of select="$s/r:highest-residual/@level-name"/></w:t></w:r></w:p>
            </xsl:when>
            <xsl:otherwise><w:p><w:pPr><w:pStyle w:val="TableText"/></w:pPr><w:r><w:t xml:space="preserve">No risk scored yet</w:t></w:r></w:p></xsl:otherwise>
          </xsl:choose>
          <xsl:if test="$rec/r:risks/r:risk">
            <w:p><w:pPr><w:pStyle w:val="Small"/></w:pPr><w:r><w:t xml:space="preserve">The highest risks, before and after measures:</w:t></w:r></w:p>
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
              <w:p><w:pPr><w:pStyle w:val="Small"/></w:pPr><w:r><w:t xml:space="preserve">and <xsl:value-of select="count($rec/r:risks/r:risk) - 5"/> more in the risk register.</w:t></w:r></w:p>
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
          <w:p><w:pPr><w:pStyle w:val="TableText"/></w:pPr><w:r><w:t xml:space="preserve"><xsl:value-of select="$s/r:measures/@open"/> of <xsl:value-of select="$s/r:measures/@total"/></w:t></w:r></w:p>
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
                <xsl:with-param name="text" select="$dpo/r:advice"/><xsl:with-param name="style" select="'TableText'"/>
              </xsl:call-template>
              <xsl:call-template name="p"><xsl:with-param name="style" select="'Small'"/><xsl:with-param name="text">
                <xsl:choose>
                  <xsl:when test="$dpo/@advice-followed = 'yes'">The advice was followed.</xsl:when>
                  <xsl:when test="$dpo/@advice-followed = 'no'">The advice was not followed. Reasons: <xsl:value-of select="$dpo/r:why-not"/></xsl:when>
                  <xsl:otherwise>Whether the advice was followed is not recorded.</xsl:otherwise>
                </xsl:choose>
              </xsl:with-param></xsl:call-template>
            </xsl:when>
            <xsl:otherwise><w:p><w:pPr><w:pStyle w:val="TableText"/></w:pPr><w:r><w:t xml:space="preserve">Not recorded</w:t></w:r></w:p></xsl:otherwise>
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
    </w:tbl>
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
      <w:p><w:pPr><w:pStyle w:val="Normal"/></w:pPr><w:r><w:t xml:space="preserve">The DPO's judgement: </w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve"><xsl:call-template name="verdict"><xsl:with-param name="j" select="r:judgement"/></xsl:call-template></w:t></w:r></w:p>
      <xsl:if test="normalize-space(r:judgement/r:comment) != ''">
        <xsl:call-template name="lines"><xsl:with-param name="text" select="r:judgement/r:comment"/><xsl:with-param name="style" select="'Note'"/></xsl:call-template>
      </xsl:if>
    </xsl:if>
    <xsl:if test="@kind = 'screening'">
      <w:p><w:pPr><w:pStyle w:val="Normal"/></w:pPr><w:r><w:t xml:space="preserve">Outcome: </w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve"><xsl:value-of select="$rec/r:summary/r:screening/@label"/></w:t></w:r><w:r><w:t xml:space="preserve">. <xsl:value-of select="$rec/r:summary/r:screening/r:rule"/></w:t></w:r></w:p>
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
    <w:p><w:pPr><w:pStyle w:val="Question"/></w:pPr><w:r><w:t xml:space="preserve"><xsl:value-of select="r:prompt"/><xsl:if test="@required = 'yes'"> (required)</xsl:if></w:t></w:r></w:p>
    <xsl:if test="r:ref">
      <w:p><w:pPr><w:pStyle w:val="Small"/></w:pPr><w:r><w:t xml:space="preserve"><xsl:for-each select="r:ref"><xsl:if test="position() > 1"> · </xsl:if><xsl:value-of select="."/></xsl:for-each></w:t></w:r></w:p>
    </xsl:if>
    <xsl:choose>
      <xsl:when test="normalize-space($an/r:value) = ''"><w:p><w:pPr><w:pStyle w:val="Answer"/></w:pPr><w:r><w:t xml:space="preserve">Not answered</w:t></w:r></w:p></xsl:when>
      <xsl:when test="$an/r:item">
        <xsl:for-each select="$an/r:item"><xsl:call-template name="bullet"><xsl:with-param name="text" select="."/></xsl:call-template></xsl:for-each>
      </xsl:when>
      <xsl:when test="$an/r:rows">
        <!-- a table answer: the reference, then a column each, sharing
             what the text width (17 cm) leaves -->
        <xsl:variable name="nc" select="count(r:column)"/>
        <w:tbl>
          <w:tblPr>
            <w:tblStyle w:val="DpiaTable"/>
            <w:tblW w:w="5000" w:type="pct"/>
            <w:tblLayout w:type="fixed"/>
            <w:tblLook w:val="0020" w:firstRow="1" w:lastRow="0" w:firstColumn="0" w:lastColumn="0"
                w:noHBand="1" w:noVBand="1"/>
          </w:tblPr>
          <w:tblGrid>
            <w:gridCol w:w="851"/>
            <xsl:call-template name="grid-repeat">
              <xsl:with-param name="w" select="floor((17 * 567 - 851) div $nc)"/><xsl:with-param name="n" select="$nc"/>
            </xsl:call-template>
          </w:tblGrid>
          <w:tr>
            <w:trPr><w:tblHeader/></w:trPr>
            <xsl:call-template name="cell"><xsl:with-param name="text">Ref</xsl:with-param><xsl:with-param name="style" select="'TableHeading'"/><xsl:with-param name="cell" select="'Head'"/></xsl:call-template>
            <xsl:for-each select="r:column">
              <xsl:call-template name="cell"><xsl:with-param name="text" select="."/><xsl:with-param name="style" select="'TableHeading'"/><xsl:with-param name="cell" select="'Head'"/></xsl:call-template>
            </xsl:for-each>
          </w:tr>
          <xsl:for-each select="$an/r:rows/r:row">
            <w:tr>
              <xsl:call-template name="cell"><xsl:with-param name="text" select="@ref"/></xsl:call-template>
              <xsl:for-each select="r:cell">
                <xsl:call-template name="cell"><xsl:with-param name="text" select="."/></xsl:call-template>
              </xsl:for-each>
            </w:tr>
          </xsl:for-each>
        </w:tbl>
        <w:p/>
      </xsl:when>
      <xsl:when test="@type = 'text'"><xsl:call-template name="lines"><xsl:with-param name="text" select="$an/r:value"/></xsl:call-template></xsl:when>
      <xsl:otherwise><xsl:call-template name="lines"><xsl:with-param name="text" select="$an/r:display"/></xsl:call-template></xsl:otherwise>
    </xsl:choose>
    <xsl:if test="normalize-space($an/r:note) != ''">
      <xsl:call-template name="lines">
        <xsl:with-param name="text">Note: <xsl:value-of select="$an/r:note"/></xsl:with-param><xsl:with-param name="style" select="'Note'"/>
      </xsl:call-template>
    </xsl:if>
    <xsl:if test="$an/@flagged = 'yes'"><w:p><w:pPr><w:pStyle w:val="Note"/></w:pPr><w:r><w:t xml:space="preserve">Marked for follow-up</w:t></w:r></w:p></xsl:if>
  </xsl:template>

  <!-- ==== risks ========================================================= -->

  <xsl:template name="risks">
    <xsl:call-template name="h"><xsl:with-param name="level" select="2"/><xsl:with-param name="text">Method: <xsl:value-of select="$m/r:name"/></xsl:with-param></xsl:call-template>
    <xsl:call-template name="lines"><xsl:with-param name="text" select="$m/r:description"/><xsl:with-param name="style" select="'Small'"/></xsl:call-template>
    <w:tbl>
      <xsl:call-template name="table-start">
        <xsl:with-param name="cols">Level|Likelihood|Severity</xsl:with-param>
        <xsl:with-param name="widths" select="'1.5 7.5 8'"/>
      </xsl:call-template>
      <xsl:for-each select="$m/r:likelihood/r:level">
        <xsl:variable name="v" select="@value"/>
        <w:tr>
          <xsl:call-template name="cell"><xsl:with-param name="text" select="$v"/></xsl:call-template>
          <xsl:call-template name="cell"><xsl:with-param name="content">
            <w:p><w:pPr><w:pStyle w:val="TableText"/></w:pPr><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve"><xsl:value-of select="@name"/></w:t></w:r><w:r><w:t xml:space="preserve">: <xsl:value-of select="normalize-space(.)"/></w:t></w:r></w:p>
          </xsl:with-param></xsl:call-template>
          <xsl:call-template name="cell"><xsl:with-param name="content">
            <w:p><w:pPr><w:pStyle w:val="TableText"/></w:pPr><xsl:for-each select="$m/r:severity/r:level[@value = $v]"><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve"><xsl:value-of select="@name"/></w:t></w:r><w:r><w:t xml:space="preserve">: <xsl:value-of select="normalize-space(.)"/></w:t></w:r></xsl:for-each></w:p>
          </xsl:with-param></xsl:call-template>
        </w:tr>
      </xsl:for-each>
    </w:tbl>
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
      <xsl:when test="not($rec/r:risks/r:risk)"><w:p><w:pPr><w:pStyle w:val="Normal"/></w:pPr><w:r><w:t xml:space="preserve">No risk recorded.</w:t></w:r></w:p></xsl:when>
      <xsl:otherwise>
        <w:tbl>
          <xsl:call-template name="table-start">
            <xsl:with-param name="cols">Risk|Description|Before measures|Measures|After measures|Movement</xsl:with-param>
            <xsl:with-param name="widths" select="'1.5 6.5 2.5 1.5 2.5 2.5'"/>
          </xsl:call-template>
          <xsl:for-each select="$rec/r:risks/r:risk">
            <xsl:variable name="n" select="@number"/>
            <w:tr>
              <xsl:call-template name="cell"><xsl:with-param name="text" select="concat('R', $n)"/></xsl:call-template>
              <xsl:call-template name="cell"><xsl:with-param name="content">
                <w:p><w:pPr><w:pStyle w:val="TableText"/></w:pPr><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve"><xsl:value-of select="r:title"/></w:t></w:r></w:p>
                <xsl:call-template name="p"><xsl:with-param name="style" select="'Small'"/><xsl:with-param name="text">Type: <xsl:choose>
                  <xsl:when test="@type-label"><xsl:value-of select="@type-label"/></xsl:when>
                  <xsl:otherwise>Not said</xsl:otherwise>
                </xsl:choose></xsl:with-param></xsl:call-template>
                <xsl:call-template name="lines"><xsl:with-param name="text" select="r:description"/><xsl:with-param name="style" select="'TableText'"/></xsl:call-template>
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
            </w:tr>
          </xsl:for-each>
        </w:tbl>
        <xsl:call-template name="h"><xsl:with-param name="level" select="2"/><xsl:with-param name="text">Reasons for the scores</xsl:with-param></xsl:call-template>
        <xsl:for-each select="$rec/r:risks/r:risk">
          <w:p><w:pPr><w:pStyle w:val="Question"/></w:pPr><w:r><w:t xml:space="preserve">R<xsl:value-of select="@number"/>. <xsl:value-of select="r:title"/></w:t></w:r></w:p>
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
    <w:p><w:pPr><w:pStyle w:val="Small"/></w:pPr><w:r><w:t xml:space="preserve"><xsl:value-of select="$label"/></w:t></w:r></w:p>
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
        <w:p><w:pPr><w:pStyle w:val="TableText"/></w:pPr><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve"><xsl:value-of select="@level-name"/></w:t></w:r></w:p>
        <w:p><w:pPr><w:pStyle w:val="Small"/></w:pPr><w:r><w:t xml:space="preserve">Likelihood: <xsl:value-of select="@likelihood-name"/> (<xsl:value-of select="@likelihood"/>)</w:t></w:r></w:p>
        <w:p><w:pPr><w:pStyle w:val="Small"/></w:pPr><w:r><w:t xml:space="preserve">Severity: <xsl:value-of select="@severity-name"/> (<xsl:value-of select="@severity"/>)</w:t></w:r></w:p>
      </xsl:when>
      <xsl:otherwise><w:p><w:pPr><w:pStyle w:val="TableText"/></w:pPr><w:r><w:t xml:space="preserve">Not scored</w:t></w:r></w:p></xsl:otherwise>
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
    <w:p><w:pPr><w:pStyle w:val="Question"/></w:pPr><w:r><w:t xml:space="preserve"><xsl:value-of select="$caption"/><xsl:if test="$unscored">. Not scored: <xsl:for-each select="$unscored"><xsl:if test="position() > 1">, </xsl:if>R<xsl:value-of select="@number"/></xsl:for-each></xsl:if></w:t></w:r></w:p>
    <w:tbl>
      <xsl:call-template name="small-table"><xsl:with-param name="width" select="($ns + 1) * 1418"/></xsl:call-template>
      <w:tblGrid><xsl:call-template name="grid-repeat"><xsl:with-param name="w" select="1418"/><xsl:with-param name="n" select="$ns + 1"/></xsl:call-template></w:tblGrid>
      <xsl:for-each select="$m/r:likelihood/r:level">
        <xsl:sort select="@value" data-type="number" order="descending"/>
        <xsl:variable name="l" select="@value"/>
        <w:tr>
          <xsl:call-template name="cell">
            <xsl:with-param name="text" select="@name"/><xsl:with-param name="style" select="'TableHeading'"/>
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
        </w:tr>
      </xsl:for-each>
      <w:tr>
        <xsl:call-template name="cell">
          <xsl:with-param name="text">Likelihood ↑ Severity →</xsl:with-param><xsl:with-param name="style" select="'Small'"/>
          <xsl:with-param name="cell" select="'Head'"/>
        </xsl:call-template>
        <xsl:for-each select="$m/r:severity/r:level">
          <xsl:sort select="@value" data-type="number"/>
          <xsl:call-template name="cell">
            <xsl:with-param name="text" select="@name"/><xsl:with-param name="style" select="'TableHeading'"/>
            <xsl:with-param name="cell" select="'Head'"/>
          </xsl:call-template>
        </xsl:for-each>
      </w:tr>
    </w:tbl>
  </xsl:template>

  <xsl:template name="legend">
    <w:p><w:pPr><w:pStyle w:val="Question"/></w:pPr><w:r><w:t xml:space="preserve">Levels</w:t></w:r></w:p>
    <w:tbl>
      <xsl:call-template name="small-table"><xsl:with-param name="width" select="4536"/></xsl:call-template>
      <w:tblGrid><w:gridCol w:w="4536"/></w:tblGrid>
      <xsl:for-each select="$m/r:levels/r:level">
        <w:tr>
          <xsl:call-template name="cell">
            <xsl:with-param name="cell"><xsl:call-template name="fill"><xsl:with-param name="lv" select="."/></xsl:call-template></xsl:with-param>
            <xsl:with-param name="text"><xsl:value-of select="@name"/><xsl:if test="@high = 'yes'"> (high: Art. 36 if it remains)</xsl:if><xsl:if test="@acceptable = 'yes'"> (acceptable)</xsl:if></xsl:with-param>
          </xsl:call-template>
        </w:tr>
      </xsl:for-each>
    </w:tbl>
    <xsl:if test="$m/r:levels/r:level/@acceptable">
      <w:p><w:pPr><w:pStyle w:val="Normal"/></w:pPr><w:r><w:t xml:space="preserve">Acceptance threshold: <xsl:value-of select="$m/r:levels/r:level[@acceptable = 'yes'][last()]/@name"/>. A residual risk above it may not be accepted.</w:t></w:r></w:p>
    </xsl:if>
    <xsl:if test="$rec/r:risks/r:risk">
      <w:p><w:pPr><w:pStyle w:val="Question"/></w:pPr><w:r><w:t xml:space="preserve">Movement</w:t></w:r></w:p>
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
      <xsl:when test="not($rec/r:measures/r:measure)"><w:p><w:pPr><w:pStyle w:val="Normal"/></w:pPr><w:r><w:t xml:space="preserve">No measure recorded.</w:t></w:r></w:p></xsl:when>
      <xsl:otherwise>
        <w:tbl>
          <xsl:call-template name="table-start">
            <xsl:with-param name="cols">Measure|Description|Type|Owner|Due|Status|Risks</xsl:with-param>
            <xsl:with-param name="widths" select="'1.5 6 2 2.5 2 1.5 1.5'"/>
          </xsl:call-template>
          <xsl:for-each select="$rec/r:measures/r:measure">
            <w:tr>
              <xsl:call-template name="cell"><xsl:with-param name="text" select="concat('M', @number)"/></xsl:call-template>
              <xsl:call-template name="cell"><xsl:with-param name="content">
                <w:p><w:pPr><w:pStyle w:val="TableText"/></w:pPr><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve"><xsl:value-of select="r:title"/></w:t></w:r></w:p>
                <xsl:call-template name="lines"><xsl:with-param name="text" select="r:description"/><xsl:with-param name="style" select="'TableText'"/></xsl:call-template>
                <xsl:if test="r:group"><w:p><w:pPr><w:pStyle w:val="TableText"/></w:pPr><w:r><w:t xml:space="preserve">Group: <xsl:choose><xsl:when test="r:group/@name"><xsl:value-of select="r:group/@name"/></xsl:when><xsl:otherwise><xsl:value-of select="r:group"/></xsl:otherwise></xsl:choose></w:t></w:r></w:p></xsl:if>
              </xsl:with-param></xsl:call-template>
              <xsl:call-template name="cell"><xsl:with-param name="text" select="@type-label"/></xsl:call-template>
              <xsl:call-template name="cell"><xsl:with-param name="text" select="r:owner"/></xsl:call-template>
              <xsl:call-template name="cell"><xsl:with-param name="text" select="@due"/></xsl:call-template>
              <xsl:call-template name="cell"><xsl:with-param name="text" select="@status-label"/></xsl:call-template>
              <xsl:call-template name="cell"><xsl:with-param name="text">
                <xsl:for-each select="r:addresses"><xsl:if test="position() > 1">, </xsl:if>R<xsl:value-of select="@risk"/></xsl:for-each>
              </xsl:with-param></xsl:call-template>
            </w:tr>
          </xsl:for-each>
        </w:tbl>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="signoffs">
    <xsl:call-template name="h"><xsl:with-param name="level" select="2"/><xsl:with-param name="text">Sign-offs</xsl:with-param></xsl:call-template>
    <xsl:if test="$rec/r:signoffs/r:signoff">
      <w:tbl>
        <xsl:call-template name="table-start">
          <xsl:with-param name="cols">Role|Name and position|Date|Advice, decision or comment</xsl:with-param>
          <xsl:with-param name="widths" select="'3 3.5 2 8.5'"/>
        </xsl:call-template>
        <xsl:for-each select="$rec/r:signoffs/r:signoff">
          <w:tr>
            <xsl:call-template name="cell"><xsl:with-param name="text" select="@role-label"/></xsl:call-template>
            <xsl:call-template name="cell"><xsl:with-param name="content">
              <w:p><w:pPr><w:pStyle w:val="TableText"/></w:pPr><w:r><w:t xml:space="preserve"><xsl:value-of select="r:name"/></w:t></w:r></w:p>
              <xsl:if test="normalize-space(r:position) != ''"><w:p><w:pPr><w:pStyle w:val="Small"/></w:pPr><w:r><w:t xml:space="preserve"><xsl:value-of select="r:position"/></w:t></w:r></w:p></xsl:if>
            </xsl:with-param></xsl:call-template>
            <xsl:call-template name="cell"><xsl:with-param name="text" select="@date"/></xsl:call-template>
            <xsl:call-template name="cell"><xsl:with-param name="content">
              <xsl:if test="@decision"><w:p><w:pPr><w:pStyle w:val="TableText"/></w:pPr><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">Decision: <xsl:value-of select="@decision-label"/></w:t></w:r></w:p></xsl:if>
              <xsl:call-template name="lines"><xsl:with-param name="text" select="r:advice"/><xsl:with-param name="style" select="'TableText'"/></xsl:call-template>
              <xsl:if test="@role = 'dpo' and @advice-followed = 'yes'"><w:p><w:pPr><w:pStyle w:val="Small"/></w:pPr><w:r><w:t xml:space="preserve">Advice followed.</w:t></w:r></w:p></xsl:if>
              <xsl:if test="@advice-followed = 'no'">
                <xsl:call-template name="lines"><xsl:with-param name="text">Advice not followed. Reasons: <xsl:value-of select="r:why-not"/></xsl:with-param><xsl:with-param name="style" select="'Small'"/></xsl:call-template>
              </xsl:if>
              <xsl:if test="normalize-space(r:acknowledged) != ''">
                <w:p><w:pPr><w:pStyle w:val="Small"/></w:pPr><w:r><w:t xml:space="preserve">Warnings acknowledged with the decision:</w:t></w:r></w:p>
                <xsl:call-template name="lines"><xsl:with-param name="text" select="r:acknowledged"/><xsl:with-param name="style" select="'Small'"/></xsl:call-template>
              </xsl:if>
            </xsl:with-param></xsl:call-template>
          </w:tr>
        </xsl:for-each>
      </w:tbl>
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
      <w:p><w:pPr><w:pStyle w:val="Small"/></w:pPr><w:r><w:t xml:space="preserve">The sessions in which this assessment was worked on with others, who took part, and the questions answered or changed during each.</w:t></w:r></w:p>
      <xsl:for-each select="$rec/r:workshops/r:workshop">
        <xsl:call-template name="h">
          <xsl:with-param name="level" select="2"/>
          <xsl:with-param name="text">Workshop <xsl:value-of select="@number"/><xsl:call-template name="workshop-when-where"/></xsl:with-param>
        </xsl:call-template>
        <w:p><w:pPr><w:pStyle w:val="Small"/></w:pPr><w:r><w:t xml:space="preserve">Run by <xsl:value-of select="@ran-by"/>. <xsl:if test="not(@ended)">Still open when this report was made.</xsl:if></w:t></w:r></w:p>
        <xsl:if test="r:agenda/r:section">
          <w:p><w:pPr><w:pStyle w:val="Normal"/></w:pPr><w:r><w:t xml:space="preserve">Agenda: <xsl:for-each select="r:agenda/r:section"><xsl:if test="position() &gt; 1">; </xsl:if><xsl:value-of select="."/></xsl:for-each></w:t></w:r></w:p>
        </xsl:if>
        <w:p><w:pPr><w:pStyle w:val="Question"/></w:pPr><w:r><w:t xml:space="preserve">Participants</w:t></w:r></w:p>
        <xsl:choose>
          <xsl:when test="not(r:participants/r:participant)"><w:p><w:pPr><w:pStyle w:val="Answer"/></w:pPr><w:r><w:t xml:space="preserve">No participant recorded.</w:t></w:r></w:p></xsl:when>
          <xsl:otherwise>
            <w:tbl>
              <xsl:call-template name="table-start">
                <xsl:with-param name="cols">Name|Role|Organisation|Represents the people concerned (Art. 35(9))</xsl:with-param>
                <xsl:with-param name="widths" select="'4.5 4 4.5 4'"/>
              </xsl:call-template>
              <xsl:for-each select="r:participants/r:participant">
                <w:tr>
                  <xsl:call-template name="cell"><xsl:with-param name="text" select="r:name"/></xsl:call-template>
                  <xsl:call-template name="cell"><xsl:with-param name="text" select="r:role"/></xsl:call-template>
                  <xsl:call-template name="cell"><xsl:with-param name="text" select="r:organisation"/></xsl:call-template>
                  <xsl:call-template name="cell"><xsl:with-param name="content">
                    <xsl:choose>
                      <xsl:when test="@represents = 'yes'"><w:p><w:pPr><w:pStyle w:val="TableText"/></w:pPr><w:r><w:t xml:space="preserve">Yes</w:t></w:r></w:p></xsl:when>
                      <xsl:otherwise><w:p><w:pPr><w:pStyle w:val="TableText"/></w:pPr><w:r><w:t xml:space="preserve">No</w:t></w:r></w:p></xsl:otherwise>
                    </xsl:choose>
                  </xsl:with-param></xsl:call-template>
                </w:tr>
              </xsl:for-each>
            </w:tbl>
          </xsl:otherwise>
        </xsl:choose>
        <w:p><w:pPr><w:pStyle w:val="Question"/></w:pPr><w:r><w:t xml:space="preserve">What it settled</w:t></w:r></w:p>
        <xsl:choose>
          <xsl:when test="not(r:settled/r:question)"><w:p><w:pPr><w:pStyle w:val="Answer"/></w:pPr><w:r><w:t xml:space="preserve">No question was answered or changed during this workshop.</w:t></w:r></w:p></xsl:when>
          <xsl:otherwise>
            <xsl:for-each select="r:settled/r:question">
              <w:p><w:pPr><w:pStyle w:val="ListBullet"/></w:pPr><w:r><w:t>•</w:t></w:r><w:r><w:tab/></w:r><w:r><w:t xml:space="preserve"><xsl:value-of select="."/> (<xsl:value-of select="@id"/>)</w:t></w:r></w:p>
            </xsl:for-each>
          </xsl:otherwise>
        </xsl:choose>
        <xsl:if test="normalize-space(r:minutes) != ''">
          <w:p><w:pPr><w:pStyle w:val="Question"/></w:pPr><w:r><w:t xml:space="preserve">Minutes</w:t></w:r></w:p>
          <xsl:call-template name="lines"><xsl:with-param name="text" select="r:minutes"/></xsl:call-template>
        </xsl:if>
        <xsl:if test="r:open-points/r:point">
          <w:p><w:pPr><w:pStyle w:val="Question"/></w:pPr><w:r><w:t xml:space="preserve">Open points</w:t></w:r></w:p>
          <xsl:for-each select="r:open-points/r:point">
            <w:p><w:pPr><w:pStyle w:val="ListBullet"/></w:pPr><w:r><w:t>•</w:t></w:r><w:r><w:tab/></w:r><w:r><w:t xml:space="preserve"><xsl:value-of select="."/><xsl:if test="normalize-space(@who) != ''"> (taken by <xsl:value-of select="@who"/>)</xsl:if></w:t></w:r></w:p>
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
    <w:p><w:pPr><w:pStyle w:val="Normal"/></w:pPr><w:r><w:t xml:space="preserve"><xsl:value-of select="$rec/r:coverage/@met"/> of <xsl:value-of select="$rec/r:coverage/@total"/> items are met.</w:t></w:r></w:p>
    <w:tbl>
      <xsl:call-template name="table-start">
        <xsl:with-param name="cols">Item|Reference|Met</xsl:with-param>
        <xsl:with-param name="widths" select="'10 4.5 2.5'"/>
      </xsl:call-template>
      <xsl:for-each select="$rec/r:coverage/r:item">
        <w:tr>
          <xsl:call-template name="cell"><xsl:with-param name="text" select="."/></xsl:call-template>
          <xsl:call-template name="cell"><xsl:with-param name="text" select="@ref"/><xsl:with-param name="style" select="'Small'"/></xsl:call-template>
          <xsl:call-template name="cell"><xsl:with-param name="content">
            <xsl:choose>
              <xsl:when test="@met = 'yes'"><w:p><w:pPr><w:pStyle w:val="TableText"/></w:pPr><w:r><w:t xml:space="preserve">Met</w:t></w:r></w:p></xsl:when>
              <xsl:otherwise><w:p><w:pPr><w:pStyle w:val="TableHeading"/></w:pPr><w:r><w:t xml:space="preserve">Not met</w:t></w:r></w:p></xsl:otherwise>
            </xsl:choose>
          </xsl:with-param></xsl:call-template>
        </w:tr>
      </xsl:for-each>
    </w:tbl>
  </xsl:template>

  <xsl:template name="changelog">
    <xsl:call-template name="h">
      <xsl:with-param name="text">Appendix: change log</xsl:with-param><xsl:with-param name="page" select="true()"/>
    </xsl:call-template>
    <xsl:for-each select="$rec/r:changes">
      <xsl:call-template name="h"><xsl:with-param name="level" select="2"/><xsl:with-param name="text">Changes since revision <xsl:value-of select="@since-revision"/></xsl:with-param></xsl:call-template>
      <w:p><w:pPr><w:pStyle w:val="Small"/></w:pPr><w:r><w:t xml:space="preserve"><xsl:choose><xsl:when test="@since-date">What differs from revision <xsl:value-of select="@since-revision"/>, decided on <xsl:value-of select="@since-date"/>, which this revision replaces.</xsl:when><xsl:otherwise>What differs from revision <xsl:value-of select="@since-revision"/>, which this revision replaces.</xsl:otherwise></xsl:choose></w:t></w:r></w:p>
      <xsl:choose>
        <xsl:when test="not(r:change)"><w:p><w:pPr><w:pStyle w:val="Normal"/></w:pPr><w:r><w:t xml:space="preserve">Nothing changed since revision <xsl:value-of select="@since-revision"/>.</w:t></w:r></w:p></xsl:when>
        <xsl:otherwise>
          <w:tbl>
            <xsl:call-template name="table-start">
              <xsl:with-param name="cols">Item|Before|After</xsl:with-param>
              <xsl:with-param name="widths" select="'5 6 6'"/>
            </xsl:call-template>
            <xsl:for-each select="r:change">
              <w:tr>
                <xsl:call-template name="cell"><xsl:with-param name="content">
                  <w:p><w:pPr><w:pStyle w:val="TableText"/></w:pPr><w:r><w:t xml:space="preserve"><xsl:value-of select="r:label"/></w:t></w:r></w:p>
                  <w:p><w:pPr><w:pStyle w:val="Small"/></w:pPr><w:r><w:t xml:space="preserve"><xsl:value-of select="@view:what"/><xsl:if test="not(@view:what)"><xsl:value-of select="@what"/></xsl:if></w:t></w:r></w:p>
                </xsl:with-param></xsl:call-template>
                <xsl:call-template name="cell"><xsl:with-param name="text" select="(@view:old | r:old)[1]"/></xsl:call-template>
                <xsl:call-template name="cell"><xsl:with-param name="text" select="(@view:new | r:new)[1]"/></xsl:call-template>
              </w:tr>
            </xsl:for-each>
          </w:tbl>
        </xsl:otherwise>
      </xsl:choose>
      <xsl:call-template name="h"><xsl:with-param name="level" select="2"/><xsl:with-param name="text">Change log</xsl:with-param></xsl:call-template>
    </xsl:for-each>
    <xsl:variable name="log" select="$rec/r:history/r:change"/>
    <xsl:choose>
      <xsl:when test="not($log)"><w:p><w:pPr><w:pStyle w:val="Normal"/></w:pPr><w:r><w:t xml:space="preserve">No change recorded.</w:t></w:r></w:p></xsl:when>
      <xsl:when test="$full-history = 'yes'">
        <w:p><w:pPr><w:pStyle w:val="Small"/></w:pPr><w:r><w:t xml:space="preserve">Every change recorded for this assessment, oldest first (Art. 5(2) accountability).</w:t></w:r></w:p>
        <w:tbl>
          <xsl:call-template name="table-start">
            <xsl:with-param name="cols">When|Who|What|Before|After</xsl:with-param>
            <xsl:with-param name="widths" select="'2.5 2.5 4 4 4'"/>
          </xsl:call-template>
          <xsl:for-each select="$log">
            <w:tr>
              <xsl:call-template name="cell"><xsl:with-param name="text"><xsl:call-template name="time"><xsl:with-param name="t" select="@at"/></xsl:call-template></xsl:with-param></xsl:call-template>
              <xsl:call-template name="cell"><xsl:with-param name="text" select="@who"/></xsl:call-template>
              <xsl:call-template name="cell"><xsl:with-param name="content"><xsl:call-template name="item"><xsl:with-param name="what" select="r:what"/></xsl:call-template></xsl:with-param></xsl:call-template>
              <xsl:call-template name="cell"><xsl:with-param name="text" select="(@view:old | r:old)[1]"/></xsl:call-template>
              <xsl:call-template name="cell"><xsl:with-param name="text" select="(@view:new | r:new)[1]"/></xsl:call-template>
            </w:tr>
          </xsl:for-each>
        </w:tbl>
      </xsl:when>
      <xsl:otherwise>
        <w:p><w:pPr><w:pStyle w:val="Small"/></w:pPr><w:r><w:t xml:space="preserve">The <xsl:value-of select="count($log)"/> recorded changes, condensed: one row per person and day, saying what they changed. Each change with its values before and after is in the XML record and in the report exported with the full change log.</w:t></w:r></w:p>
        <w:tbl>
          <xsl:call-template name="table-start">
            <xsl:with-param name="cols">Day|Who|Changes|What</xsl:with-param>
            <xsl:with-param name="widths" select="'2.5 3 2 9.5'"/>
          </xsl:call-template>
          <xsl:for-each select="$log[@view:first = 'day'] | $log[not($marked)][generate-id() = generate-id(key('changes-by-day', concat(substring(@at, 1, 10), ' ', @who))[1])]">
            <xsl:variable name="dk" select="concat(substring(@at, 1, 10), ' ', @who)"/>
            <xsl:variable name="g" select="key('changes-by-day', $dk)"/>
            <xsl:variable name="ans" select="$g[starts-with(r:what, 'answer ')]"/>
            <w:tr>
              <xsl:call-template name="cell"><xsl:with-param name="text" select="substring(@at, 1, 10)"/></xsl:call-template>
              <xsl:call-template name="cell"><xsl:with-param name="text" select="@who"/></xsl:call-template>
              <xsl:call-template name="cell"><xsl:with-param name="text" select="count($g)"/></xsl:call-template>
              <xsl:call-template name="cell"><xsl:with-param name="content">
                <xsl:if test="$ans">
                  <xsl:call-template name="p"><xsl:with-param name="style" select="'TableText'"/><xsl:with-param name="text">Answers (<xsl:value-of select="count($ans)"/>): <xsl:for-each select="$rec/r:sections/r:section">
                      <xsl:variable name="sid" select="generate-id()"/>
                      <xsl:variable name="n" select="count($ans[generate-id(key('question', substring-after(r:what, ' '))/..) = $sid])"/>
                      <xsl:if test="$n &gt; 0"><xsl:value-of select="r:title"/>: <xsl:value-of select="$n"/>; </xsl:if>
                    </xsl:for-each></xsl:with-param></xsl:call-template>
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
            </w:tr>
          </xsl:for-each>
        </w:tbl>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="kind-line">
    <xsl:param name="c"/>
    <xsl:param name="label"/>
    <xsl:if test="$c">
      <w:p><w:pPr><w:pStyle w:val="Small"/></w:pPr><w:r><w:t xml:space="preserve"><xsl:value-of select="$label"/>: <xsl:for-each select="$c"><xsl:if test="position() > 1">, </xsl:if><xsl:value-of select="@view:item"/><xsl:if test="not(@view:item)"><xsl:value-of select="substring-before(concat(substring-after(r:what, ' '), ' '), ' ')"/></xsl:if></xsl:for-each></w:t></w:r></w:p>
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
        <xsl:call-template name="p"><xsl:with-param name="style" select="'TableText'"/><xsl:with-param name="text"><xsl:choose>
            <xsl:when test="$kind = 'note'">Note on: </xsl:when>
            <xsl:when test="$kind = 'follow-up'">Follow-up mark on: </xsl:when>
          </xsl:choose><xsl:value-of select="$q/r:prompt"/></xsl:with-param></xsl:call-template>
        <xsl:if test="not($short)"><w:p><w:pPr><w:pStyle w:val="Small"/></w:pPr><w:r><w:t xml:space="preserve"><xsl:value-of select="($what/../@view:what | $what)[1]"/></w:t></w:r></w:p></xsl:if>
      </xsl:when>
      <xsl:otherwise><w:p><w:pPr><w:pStyle w:val="TableText"/></w:pPr><w:r><w:t xml:space="preserve"><xsl:value-of select="($what/../@view:what | $what)[1]"/></w:t></w:r></w:p></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="integrity">
    <xsl:call-template name="h">
      <xsl:with-param name="text">Appendix: integrity of this report</xsl:with-param><xsl:with-param name="page" select="true()"/>
    </xsl:call-template>
    <w:p><w:pPr><w:pStyle w:val="Normal"/></w:pPr><w:r><w:t xml:space="preserve">This report was made from the XML record of the assessment. The record digest is the SHA-256 of the record's canonical XML form (Canonical XML 1.0) with the digest element left empty; the template digest is the SHA-256 of the questionnaire template as the assessment was started with it. Export the record again to compare.</w:t></w:r></w:p>
    <w:tbl>
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
    </w:tbl>
  </xsl:template>

</xsl:stylesheet>
