<?xml version="1.0" encoding="UTF-8"?>
<!--
  The dpia report as an Office Open XML document (DOCX): turns a dpia
  record (urn:dpia:record:1) into the XML parts of the document, one part
  per run, chosen by the parameter "part": content-types
  ([Content_Types].xml), rels (_rels/.rels), core (docProps/core.xml),
  document (word/document.xml), styles (word/styles.xml), document-rels
  (word/_rels/document.xml.rels) or footer (word/footer1.xml, the page
  number as a PAGE field). dpia zips them.

  Named styles a legal team can change in Word or LibreOffice: Title,
  Heading 1 and 2, Question, Answer, Note, Table Heading, Table Text,
  Footer and the table style DPIA Table.

  Run with libxslt, XSLT 1.0, without access to files or the network.
  Text from the record is written as text nodes only (the processor
  escapes it): no disable-output-escaping anywhere.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:r="urn:dpia:record:1"
    xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    xmlns:rel="http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    exclude-result-prefixes="r">

  <xsl:output method="xml" encoding="UTF-8" indent="no" standalone="yes"/>

  <xsl:param name="part" select="'document'"/>

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
        <xsl:if test="$level != ''"><w:keepNext/></xsl:if>
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
    </w:styles>
  </xsl:template>

  <!-- === word/document.xml =============================================== -->
  <xsl:template name="p">
    <xsl:param name="style"/>
    <xsl:param name="text"/>
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

  <xsl:template name="h">
    <xsl:param name="text"/>
    <xsl:call-template name="p">
      <xsl:with-param name="style" select="'Heading1'"/>
      <xsl:with-param name="text" select="$text"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="decision">
    <xsl:choose>
      <xsl:when test="$ctl/@decision"><xsl:value-of select="$ctl/@decision-label"/></xsl:when>
      <xsl:otherwise>No decision recorded</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="document">
    <xsl:variable name="s" select="$rec/r:summary"/>
    <w:document>
      <w:body>
        <xsl:call-template name="p">
          <xsl:with-param name="style" select="'Title'"/>
          <xsl:with-param name="text" select="$title"/>
        </xsl:call-template>
        <xsl:call-template name="p">
          <xsl:with-param name="style" select="'Normal'"/>
          <xsl:with-param name="text" select="concat('Data Protection Impact Assessment · status: ',
              $rec/r:assessment/@status-label, ' · template: ', $rec/r:template/r:title)"/>
        </xsl:call-template>
        <xsl:call-template name="h"><xsl:with-param name="text" select="'Summary'"/></xsl:call-template>
        <xsl:call-template name="p">
          <xsl:with-param name="style" select="'Normal'"/>
          <xsl:with-param name="text" select="concat('Screening: ', $s/r:screening/@label)"/>
        </xsl:call-template>
        <xsl:call-template name="p">
          <xsl:with-param name="style" select="'Normal'"/>
          <xsl:with-param name="text" select="concat('Highest residual risk: ', $s/r:highest-residual/@level-name)"/>
        </xsl:call-template>
        <xsl:call-template name="p">
          <xsl:with-param name="style" select="'Normal'"/>
          <xsl:with-param name="text">Prior consultation of the supervisory authority (Art. 36): <xsl:choose>
              <xsl:when test="$s/r:art36/@required = 'yes'">required</xsl:when>
              <xsl:when test="$rec/r:risks/r:risk[not(r:before/@level) or not(r:after/@level)] or (not($rec/r:risks/r:risk) and $rec/r:assessment/@status != 'not-required')">to be judged once the risks are scored</xsl:when>
              <xsl:otherwise>not required</xsl:otherwise>
            </xsl:choose></xsl:with-param>
        </xsl:call-template>
        <xsl:call-template name="p">
          <xsl:with-param name="style" select="'Normal'"/>
          <xsl:with-param name="text">Decision: <xsl:call-template name="decision"/></xsl:with-param>
        </xsl:call-template>
        <xsl:apply-templates select="$rec/r:sections/r:section"/>
        <xsl:call-template name="risks"/>
        <xsl:call-template name="measures"/>
        <xsl:call-template name="signoffs"/>
        <w:sectPr>
          <w:footerReference w:type="default" rel:id="rId2"/>
          <w:pgSz w:w="11906" w:h="16838"/>
          <w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1134" w:header="567"
              w:footer="567" w:gutter="0"/>
        </w:sectPr>
      </w:body>
    </w:document>
  </xsl:template>

  <xsl:template match="r:section">
    <xsl:call-template name="h"><xsl:with-param name="text" select="r:title"/></xsl:call-template>
    <!-- Answers that the current answers make not applicable stay in
         the record, not in the document. -->
    <xsl:for-each select="r:question[not(@applicable = 'no')]">
      <xsl:call-template name="p">
        <xsl:with-param name="style" select="'Question'"/>
        <xsl:with-param name="text" select="r:prompt"/>
      </xsl:call-template>
      <xsl:choose>
        <xsl:when test="r:answer/r:display">
          <xsl:call-template name="lines"><xsl:with-param name="text" select="r:answer/r:display"/></xsl:call-template>
        </xsl:when>
        <xsl:otherwise>
          <xsl:call-template name="p">
            <xsl:with-param name="style" select="'Answer'"/>
            <xsl:with-param name="text" select="'Not answered'"/>
          </xsl:call-template>
        </xsl:otherwise>
      </xsl:choose>
      <xsl:if test="r:answer/r:note">
        <xsl:call-template name="lines">
          <xsl:with-param name="text" select="concat('Note: ', r:answer/r:note)"/>
          <xsl:with-param name="style" select="'Note'"/>
        </xsl:call-template>
      </xsl:if>
    </xsl:for-each>
  </xsl:template>

  <!-- Tables: the page's text width (9638 twips) shared out by the widths
       given, a header row repeated on each page. -->
  <xsl:template name="cell">
    <xsl:param name="text"/>
    <xsl:param name="style" select="'TableText'"/>
    <w:tc>
      <xsl:call-template name="lines">
        <xsl:with-param name="text" select="$text"/>
        <xsl:with-param name="style" select="$style"/>
      </xsl:call-template>
    </w:tc>
  </xsl:template>

  <xsl:template name="grid">
    <xsl:param name="widths"/>
    <xsl:if test="$widths != ''">
      <w:gridCol w:w="{substring-before(concat($widths, ' '), ' ')}"/>
      <xsl:call-template name="grid">
        <xsl:with-param name="widths" select="substring-after($widths, ' ')"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <xsl:template name="head">
    <xsl:param name="cols"/>
    <xsl:if test="$cols != ''">
      <xsl:call-template name="cell">
        <xsl:with-param name="text" select="substring-before(concat($cols, '|'), '|')"/>
        <xsl:with-param name="style" select="'TableHeading'"/>
      </xsl:call-template>
      <xsl:call-template name="head">
        <xsl:with-param name="cols" select="substring-after($cols, '|')"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <xsl:template name="table-start">
    <xsl:param name="cols"/>
    <xsl:param name="widths"/>
    <w:tblPr>
      <w:tblStyle w:val="DpiaTable"/>
      <w:tblW w:w="5000" w:type="pct"/>
      <w:tblLook w:val="0020" w:firstRow="1" w:lastRow="0" w:firstColumn="0" w:lastColumn="0"
          w:noHBand="1" w:noVBand="1"/>
    </w:tblPr>
    <w:tblGrid><xsl:call-template name="grid"><xsl:with-param name="widths" select="$widths"/></xsl:call-template></w:tblGrid>
    <w:tr>
      <w:trPr><w:tblHeader/></w:trPr>
      <xsl:call-template name="head"><xsl:with-param name="cols" select="$cols"/></xsl:call-template>
    </w:tr>
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
        <w:tbl>
          <xsl:call-template name="table-start">
            <xsl:with-param name="cols" select="'No.|Risk|Before measures|After measures|Measures'"/>
            <xsl:with-param name="widths" select="'700 4138 1800 1800 1200'"/>
          </xsl:call-template>
          <xsl:for-each select="$rec/r:risks/r:risk">
            <xsl:variable name="n" select="@number"/>
            <w:tr>
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
            </w:tr>
          </xsl:for-each>
        </w:tbl>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="p">
          <xsl:with-param name="style" select="'Normal'"/>
          <xsl:with-param name="text" select="'No risk recorded.'"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="measures">
    <xsl:call-template name="h"><xsl:with-param name="text" select="'Action plan'"/></xsl:call-template>
    <xsl:choose>
      <xsl:when test="$rec/r:measures/r:measure">
        <w:tbl>
          <xsl:call-template name="table-start">
            <xsl:with-param name="cols" select="'No.|Measure|Owner|Due|Status|Risks'"/>
            <xsl:with-param name="widths" select="'700 3938 1800 1200 1200 800'"/>
          </xsl:call-template>
          <xsl:for-each select="$rec/r:measures/r:measure">
            <w:tr>
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
            </w:tr>
          </xsl:for-each>
        </w:tbl>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="p">
          <xsl:with-param name="style" select="'Normal'"/>
          <xsl:with-param name="text" select="'No measure recorded.'"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="signoffs">
    <xsl:call-template name="h"><xsl:with-param name="text" select="'Sign-offs and decision'"/></xsl:call-template>
    <xsl:call-template name="p">
      <xsl:with-param name="style" select="'Normal'"/>
      <xsl:with-param name="text">Decision: <xsl:call-template name="decision"/></xsl:with-param>
    </xsl:call-template>
    <xsl:if test="$rec/r:signoffs/r:signoff">
      <w:tbl>
        <xsl:call-template name="table-start">
          <xsl:with-param name="cols" select="'Role|Name and position|Date|Advice, decision or comment'"/>
          <xsl:with-param name="widths" select="'1700 2200 1200 4538'"/>
        </xsl:call-template>
        <xsl:for-each select="$rec/r:signoffs/r:signoff">
          <w:tr>
            <xsl:call-template name="cell"><xsl:with-param name="text" select="@role-label"/></xsl:call-template>
            <xsl:call-template name="cell"><xsl:with-param name="text"
                select="concat(r:name, '&#10;', r:position)"/></xsl:call-template>
            <xsl:call-template name="cell"><xsl:with-param name="text" select="@date"/></xsl:call-template>
            <xsl:call-template name="cell"><xsl:with-param name="text">
              <xsl:if test="@decision">Decision: <xsl:value-of select="@decision-label"/><xsl:text>&#10;</xsl:text></xsl:if>
              <xsl:value-of select="r:advice"/>
            </xsl:with-param></xsl:call-template>
          </w:tr>
        </xsl:for-each>
      </w:tbl>
    </xsl:if>
  </xsl:template>

</xsl:stylesheet>
