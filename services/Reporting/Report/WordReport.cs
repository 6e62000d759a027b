using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using WordTable = DocumentFormat.OpenXml.Wordprocessing.Table;
using WordTableCell = DocumentFormat.OpenXml.Wordprocessing.TableCell;
using WordTableRow = DocumentFormat.OpenXml.Wordprocessing.TableRow;

namespace CountyTech.Reporting.Report;

/// <summary>
/// The report as a Word document (.docx, DocumentFormat.OpenXml) the bureau edits and files in Word or WPS, laid out
/// as a 党政机关公文 (GB/T 9704): A4, the title in 方正小标宋简体 二号, headings in 黑体 and 楷体_GB2312 三号, the body in
/// 仿宋_GB2312 三号 on a 28 pt line, page numbers "— 1 —" in the footer. The headings are Word's own Title /
/// heading 1 / heading 2 styles (navigation pane, table of contents). Where the official fonts are not installed the
/// font table names the usual substitutes (宋体, 黑体, 仿宋, 楷体).
/// </summary>
public static class WordReport
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    /// <summary>Markdown heading level → Word style: # the title, ## 一、…, ### （一）…, deeper ones heading 3.</summary>
    public static readonly IReadOnlyList<string> HeadingStyles = ["Title", "Heading1", "Heading2", "Heading3"];

    private const string TitleFont = "方正小标宋简体";
    private const string BodyFont = "仿宋_GB2312";
    private const string HeadingFont = "黑体";
    private const string SubheadingFont = "楷体_GB2312";
    private const string LatinFont = "Times New Roman";
    private const string TableText = "TableText";
    private const string BodySize = "32";       // 三号, 16 pt, in half-points
    private const string TitleSize = "44";      // 二号, 22 pt
    private const string TableSize = "24";      // 小四, 12 pt
    private const int LineTwips = 560;          // 28 pt fixed line
    private const int TwoCharacters = 640;      // first-line indent of two 三号 characters

    public static byte[] Build(MarkdownDocument markdown, string title)
    {
        using var stream = new MemoryStream();
        using (var word = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            word.PackageProperties.Title = title;
            word.PackageProperties.Creator = "县科技局";
            var main = word.AddMainDocumentPart();
            main.AddNewPart<StyleDefinitionsPart>().Styles = Styles();
            main.AddNewPart<FontTablePart>().Fonts = FontTable();
            var footer = main.AddNewPart<FooterPart>();
            footer.Footer = PageNumberFooter();

            var body = new Body();
            foreach (var block in markdown)
            {
                body.Append(Blocks(block));
            }

            body.Append(Page(main.GetIdOfPart(footer)));
            main.Document = new Document(body);
        }

        return stream.ToArray();
    }

    private static IEnumerable<OpenXmlElement> Blocks(Block block) => block switch
    {
        HeadingBlock heading => [Paragraph(HeadingStyles[Math.Min(heading.Level, HeadingStyles.Count) - 1], heading.Inline)],
        ParagraphBlock paragraph => [Paragraph(null, paragraph.Inline)],
        Markdig.Extensions.Tables.Table table => [Table(table), new Paragraph()],
        ContainerBlock container => container.SelectMany(Blocks),
        LeafBlock { Inline: { } inline } => [Paragraph(null, inline)],
        _ => [],
    };

    private static Paragraph Paragraph(string? style, ContainerInline? inline)
    {
        var paragraph = new Paragraph();
        if (style is not null)
        {
            paragraph.Append(new ParagraphProperties(new ParagraphStyleId { Val = style }));
        }

        paragraph.Append(Runs(inline, bold: false));
        return paragraph;
    }

    private static IEnumerable<Run> Runs(ContainerInline? inline, bool bold)
    {
        if (inline is null)
        {
            yield break;
        }

        foreach (var child in inline)
        {
            switch (child)
            {
                case LiteralInline literal:
                    yield return Run(literal.Content.ToString(), bold);
                    break;
                case CodeInline code:
                    yield return Run(code.Content, bold);
                    break;
                case LineBreakInline { IsHard: true }:
                    yield return new Run(new Break());
                    break;
                case EmphasisInline emphasis:
                    foreach (var run in Runs(emphasis, bold || emphasis.DelimiterCount >= 2))
                    {
                        yield return run;
                    }

                    break;
                case ContainerInline container:
                    foreach (var run in Runs(container, bold))
                    {
                        yield return run;
                    }

                    break;
            }
        }
    }

    private static Run Run(string text, bool bold)
    {
        var run = new Run();
        if (bold)
        {
            run.Append(new RunProperties(new Bold()));
        }

        run.Append(new Text(text) { Space = SpaceProcessingModeValues.Preserve });
        return run;
    }

    private static WordTable Table(Markdig.Extensions.Tables.Table markdown)
    {
        var table = new WordTable(new TableProperties(
            new TableStyle { Val = "TableGrid" },
            new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct },
            new TableBorders(
                new TopBorder { Val = BorderValues.Single, Size = 4 },
                new BottomBorder { Val = BorderValues.Single, Size = 4 },
                new LeftBorder { Val = BorderValues.Single, Size = 4 },
                new RightBorder { Val = BorderValues.Single, Size = 4 },
                new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 },
                new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 })));
        var columns = markdown.OfType<Markdig.Extensions.Tables.TableRow>().Select(r => r.Count).DefaultIfEmpty(0).Max();
        table.Append(new TableGrid(Enumerable.Range(0, columns).Select(_ => new GridColumn { Width = (9000 / Math.Max(columns, 1)).ToString() })));
        foreach (var row in markdown.OfType<Markdig.Extensions.Tables.TableRow>())
        {
            var wordRow = new WordTableRow();
            if (row.IsHeader)
            {
                wordRow.Append(new TableRowProperties(new TableHeader()));
            }

            foreach (var cell in row.OfType<Markdig.Extensions.Tables.TableCell>())
            {
                var paragraph = new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = TableText }));
                foreach (var content in cell.OfType<LeafBlock>())
                {
                    paragraph.Append(Runs(content.Inline, row.IsHeader));
                }

                wordRow.Append(new WordTableCell(paragraph));
            }

            table.Append(wordRow);
        }

        return table;
    }

    private static SectionProperties Page(string footerId) => new(
        new FooterReference { Type = HeaderFooterValues.Default, Id = footerId },
        new PageSize { Width = 11906, Height = 16838 },
        new PageMargin { Top = 2098, Bottom = 1984, Left = 1588, Right = 1474, Header = 851, Footer = 992, Gutter = 0 });

    /// <summary>"— 1 —" centred: the PAGE field between two dashes, 宋体 四号.</summary>
    private static Footer PageNumberFooter()
    {
        RunProperties Font() => new(new RunFonts { Ascii = "宋体", HighAnsi = "宋体", EastAsia = "宋体" }, new FontSize { Val = "28" });
        return new Footer(new Paragraph(
            new ParagraphProperties(new ParagraphStyleId { Val = "Footer" }, new Justification { Val = JustificationValues.Center }),
            new Run(Font(), new Text("— ") { Space = SpaceProcessingModeValues.Preserve }),
            new Run(Font(), new FieldChar { FieldCharType = FieldCharValues.Begin }),
            new Run(Font(), new FieldCode(" PAGE ") { Space = SpaceProcessingModeValues.Preserve }),
            new Run(Font(), new FieldChar { FieldCharType = FieldCharValues.Separate }),
            new Run(Font(), new Text("1")),
            new Run(Font(), new FieldChar { FieldCharType = FieldCharValues.End }),
            new Run(Font(), new Text(" —") { Space = SpaceProcessingModeValues.Preserve })));
    }

    private static Styles Styles()
    {
        var styles = new Styles(new DocDefaults(
            new RunPropertiesDefault(new RunPropertiesBaseStyle(
                Fonts(BodyFont), new FontSize { Val = BodySize }, new FontSizeComplexScript { Val = BodySize },
                new Languages { Val = "en-US", EastAsia = "zh-CN" })),
            new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(
                new SpacingBetweenLines { Line = LineTwips.ToString(), LineRule = LineSpacingRuleValues.Exact, Before = "0", After = "0" },
                new Justification { Val = JustificationValues.Both }))));

        styles.Append(ParagraphStyle("Normal", "Normal", basedOn: null, isDefault: true,
            new StyleParagraphProperties(new Indentation { FirstLine = TwoCharacters.ToString(), FirstLineChars = 200 }),
            new StyleRunProperties(Fonts(BodyFont))));
        styles.Append(ParagraphStyle("Title", "Title", "Normal", isDefault: false,
            new StyleParagraphProperties(
                new KeepNext(), new SpacingBetweenLines { Before = "0", After = "560", Line = "700", LineRule = LineSpacingRuleValues.Exact },
                new Indentation { FirstLine = "0", FirstLineChars = 0 }, new Justification { Val = JustificationValues.Center },
                new OutlineLevel { Val = 0 }),
            new StyleRunProperties(Fonts(TitleFont), new FontSize { Val = TitleSize }, new FontSizeComplexScript { Val = TitleSize })));
        styles.Append(ParagraphStyle("Heading1", "heading 1", "Normal", isDefault: false,
            new StyleParagraphProperties(new KeepNext(), new OutlineLevel { Val = 0 }),
            new StyleRunProperties(Fonts(HeadingFont))));
        styles.Append(ParagraphStyle("Heading2", "heading 2", "Normal", isDefault: false,
            new StyleParagraphProperties(new KeepNext(), new OutlineLevel { Val = 1 }),
            new StyleRunProperties(Fonts(SubheadingFont))));
        styles.Append(ParagraphStyle("Heading3", "heading 3", "Normal", isDefault: false,
            new StyleParagraphProperties(new KeepNext(), new OutlineLevel { Val = 2 }),
            new StyleRunProperties(Fonts(BodyFont), new Bold())));
        styles.Append(ParagraphStyle(TableText, "Table Text", "Normal", isDefault: false,
            new StyleParagraphProperties(
                new SpacingBetweenLines { Line = "360", LineRule = LineSpacingRuleValues.Exact },
                new Indentation { FirstLine = "0", FirstLineChars = 0 },
                new Justification { Val = JustificationValues.Center }),
            new StyleRunProperties(new FontSize { Val = TableSize }, new FontSizeComplexScript { Val = TableSize })));
        styles.Append(ParagraphStyle("Footer", "footer", "Normal", isDefault: false,
            new StyleParagraphProperties(new Indentation { FirstLine = "0", FirstLineChars = 0 }),
            new StyleRunProperties()));
        styles.Append(new Style(new StyleName { Val = "Table Grid" }, new StyleTableProperties(new TableBorders(
            new TopBorder { Val = BorderValues.Single, Size = 4 }, new BottomBorder { Val = BorderValues.Single, Size = 4 },
            new LeftBorder { Val = BorderValues.Single, Size = 4 }, new RightBorder { Val = BorderValues.Single, Size = 4 },
            new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 })))
        {
            Type = StyleValues.Table,
            StyleId = "TableGrid",
        });
        return styles;
    }

    private static Style ParagraphStyle(
        string id, string name, string? basedOn, bool isDefault, StyleParagraphProperties paragraph, StyleRunProperties run)
    {
        var style = new Style(new StyleName { Val = name }) { Type = StyleValues.Paragraph, StyleId = id };
        if (isDefault)
        {
            style.Default = true;
        }

        if (basedOn is not null)
        {
            style.Append(new BasedOn { Val = basedOn }, new NextParagraphStyle { Val = "Normal" });
        }

        style.Append(new PrimaryStyle(), paragraph, run);
        return style;
    }

    private static RunFonts Fonts(string eastAsia) =>
        new() { Ascii = LatinFont, HighAnsi = LatinFont, EastAsia = eastAsia, ComplexScript = LatinFont, Hint = FontTypeHintValues.EastAsia };

    /// <summary>The official fonts with the substitutes Word and WPS take where they are not installed (w:altName).</summary>
    private static Fonts FontTable() => new(
        Font(TitleFont, "宋体"),
        Font(BodyFont, "仿宋"),
        Font(SubheadingFont, "楷体"),
        Font(HeadingFont, "SimHei"),
        Font("宋体", "SimSun"),
        new Font(new FontCharSet { Val = "00" }, new FontFamily { Val = FontFamilyValues.Roman }) { Name = LatinFont });

    private static Font Font(string name, string substitute) => new(
        new AltName { Val = substitute },
        new FontCharSet { Val = "86" },
        new FontFamily { Val = FontFamilyValues.Modern },
        new Pitch { Val = FontPitchValues.Fixed })
    {
        Name = name,
    };
}
