using Verbatim.Text.Evaluation;
using Verbatim.Text.Normalisation;

namespace Verbatim.Text.Tests.Evaluation;

public class PanXmlTests
{
    private const string Suspicious = "suspicious-document00001.txt";
    private const string Source = "source-document00002.txt";

    [Fact]
    public void A_truth_file_in_PANs_form_is_read_with_both_ranges()
    {
        const string xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <document reference="suspicious-document00001.txt">
            <feature name="about" authors="x"/>
            <feature name="plagiarism" obfuscation="random" source_language="en" source_length="1049" source_offset="6353" source_reference="source-document00002.txt" this_language="en" this_length="1013" this_offset="2487" type="artificial"/>
            </document>
            """;

        var (annotations, problem) = PanXml.Read("truth.xml", xml, Suspicious, Source);

        Assert.Null(problem);
        Assert.Equal(new PanAnnotation(Suspicious, new TextRange(2487, 1013), Source, new TextRange(6353, 1049), "random"), Assert.Single(annotations));
    }

    [Fact]
    public void What_is_written_reads_back_the_same()
    {
        PanAnnotation[] cases = [new(Suspicious, new TextRange(5, 10), Source, new TextRange(50, 12), "none"), new(Suspicious, new TextRange(40, 3), Source, new TextRange(0, 3))];

        var (annotations, problem) = PanXml.Read("t.xml", PanXml.Write(Suspicious, cases), Suspicious, Source);

        Assert.Null(problem);
        Assert.Equal(cases, annotations);
        Assert.Equal("suspicious-document00001-source-document00002.xml", PanXml.FileName(Suspicious, Source));
    }

    [Fact]
    public void Malformed_XML_and_a_bad_number_are_problems_located_by_line()
    {
        var (_, broken) = PanXml.Read("t.xml", "<document reference=\"a\">\n<feature name=\"plagiarism\"\n</document>", Suspicious, Source);
        var (_, badNumber) = PanXml.Read("t.xml",
            "<document>\n<feature name=\"plagiarism\" this_offset=\"1\" this_length=\"x\" source_offset=\"2\" source_length=\"3\"/>\n</document>", Suspicious, Source);

        Assert.NotNull(broken);
        Assert.Equal(("t.xml", 3), (broken.File, broken.Line));
        Assert.Equal(("t.xml", 2), (badNumber!.File, badNumber.Line));
        Assert.Contains("this_length", badNumber.Message, StringComparison.Ordinal);
    }
}
