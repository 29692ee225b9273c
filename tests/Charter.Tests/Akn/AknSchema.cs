using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using Charter.Tests.Support;

namespace Charter.Tests.Akn;

/// <summary>The OASIS Akoma Ntoso 3.0 schema vendored in schema/, compiled once; xml.xsd is resolved from the same folder.</summary>
public static class AknSchema
{
    public static readonly XNamespace Ns = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0";
    public static readonly XNamespace Facts = "urn:x-charter:akn:facts:1";

    private static readonly Lazy<XmlSchemaSet> Set = new(() =>
    {
        var set = new XmlSchemaSet { XmlResolver = new XmlUrlResolver() };
        var path = Path.Combine(Repo.TestsDir, "Akn", "schema", "akomantoso30.xsd");
        using (var reader = XmlReader.Create(path, new XmlReaderSettings { XmlResolver = new XmlUrlResolver() }))
            set.Add(null, reader);
        set.Compile();
        return set;
    });

    /// <summary>Every problem the schema finds in a document, as "line:col: message" (none when it is valid).</summary>
    public static List<string> Problems(byte[] xml)
    {
        var problems = new List<string>();
        var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, Schemas = Set.Value };
        // Warnings are not problems: the proprietary block holds our own elements, which the schema takes without knowing them ("lax").
        settings.ValidationEventHandler += (_, e) =>
        {
            if (e.Severity == XmlSeverityType.Error) problems.Add($"{e.Exception.LineNumber}:{e.Exception.LinePosition}: {e.Message}");
        };
        using var reader = XmlReader.Create(new MemoryStream(xml), settings);
        while (reader.Read()) { }
        return problems;
    }

    public static void AssertValid(byte[] xml, string path)
    {
        var problems = Problems(xml);
        Assert.True(problems.Count == 0, $"{path} does not validate against the Akoma Ntoso 3.0 schema:\n{string.Join("\n", problems.Take(20))}");
    }
}
