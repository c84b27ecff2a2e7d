using System.Xml.Linq;

namespace Verbatim.Web.Tests.Harvesting;

/// <summary>
/// Judges an OAI-PMH response as ../shared/standards/oai-pmh/README.md says: the envelope against
/// OAI-PMH.xsd with xmllint (with oai_dc records, through the driver schema that imports oai_dc.xsd);
/// TEI and CMIF records, which OAI-PMH.xsd holds strictly but has no schema of, each with jing
/// against tei_all.rng or CMIF's schema and rules, the envelope then through a driver that declares
/// the TEI root and leaves its contents to jing.
/// </summary>
public static class OaiValidation
{
    private static readonly XNamespace Tei = "http://www.tei-c.org/ns/1.0";

    private static readonly Lazy<string> TeiDriver = new(() =>
    {
        var folder = Path.Combine(Path.GetTempPath(), $"verbatim-oai-schemas-{Environment.ProcessId}");
        Directory.CreateDirectory(folder);
        var driver = Path.Combine(folder, "OAI-PMH+tei.xsd");
        File.WriteAllText(driver, $"""
            <?xml version="1.0" encoding="UTF-8"?>
            <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="{Tei}" elementFormDefault="qualified">
              <xs:import namespace="http://www.openarchives.org/OAI/2.0/" schemaLocation="{new Uri(Schema("OAI-PMH.xsd")).AbsoluteUri}"/>
              <xs:element name="TEI">
                <xs:complexType>
                  <xs:sequence><xs:any processContents="skip" minOccurs="0" maxOccurs="unbounded"/></xs:sequence>
                  <xs:anyAttribute processContents="skip"/>
                </xs:complexType>
              </xs:element>
            </xs:schema>
            """);
        return driver;
    });

    private static string Schema(string name) => RepositoryPaths.Shared("standards", "oai-pmh", name);

    /// <summary>Every validator's complaints about the response; empty where it is valid.</summary>
    /// <param name="metadataPrefix">The format its records are in, where it has records.</param>
    public static string Problems(XDocument response, string? metadataPrefix = null)
    {
        ArgumentNullException.ThrowIfNull(response);
        var folder = Path.Combine(Path.GetTempPath(), $"verbatim-oai-check-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        try
        {
            var file = Path.Combine(folder, "response.xml");
            response.Save(file);
            var records = response.Descendants(Tei + "TEI").ToList();
            var schema = records.Count > 0 ? TeiDriver.Value
                : response.Descendants(XName.Get("dc", "http://www.openarchives.org/OAI/2.0/oai_dc/")).Any() ? Schema("OAI-PMH+oai_dc.local.xsd")
                : Schema("OAI-PMH.xsd");
            var problems = new List<string>();
            var envelope = SchemaTools.Xmllint(schema, file);
            if (envelope.ExitCode != 0)
                problems.Add(envelope.Output);
            var teiFiles = records.Select((r, i) =>
            {
                var path = Path.Combine(folder, $"record-{i}.xml");
                new XDocument(r).Save(path);
                return path;
            }).ToArray();
            if (teiFiles.Length > 0)
            {
                var rules = metadataPrefix == "cmif"
                    ? new[] { RepositoryPaths.Shared("corpus", "cmif", "schema", "cmi-customization.rng"), RepositoryPaths.Shared("corpus", "cmif", "schema", "cmif.sch") }
                    : [RepositoryPaths.Shared("standards", "tei", "tei_all.rng")];
                foreach (var rule in rules)
                {
                    var judged = SchemaTools.Jing(rule, teiFiles);
                    if (judged.ExitCode != 0)
                        problems.Add(judged.Output);
                }
            }
            return string.Join("\n", problems);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
