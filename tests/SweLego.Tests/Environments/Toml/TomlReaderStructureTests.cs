using SweLego.Environments.Toml;
using Tomlyn.Model;

namespace SweLego.Tests.Environments.Toml;

public sealed class TomlReaderStructureTests
{
    [Fact]
    public void Parse_EmptyOrCommentOnlyText_ReturnsEmptyRoot()
    {
        Assert.Empty(TomlReader.Parse("").Root);
        Assert.Empty(TomlReader.Parse("# only a comment\n\n   \t\n# another").Root);
    }

    [Fact]
    public void Parse_Keys_AcceptsBareQuotedAndDottedForms()
    {
        var toml = TomlReader.Parse("""
            bare_key = 1
            bare-key = 2
            1234 = 3
            "127.0.0.1" = 4
            "character encoding" = 5
            'key2' = 6
            'quoted "value"' = 7
            "" = 8
            "\u0041" = 9
            physical.color = "orange"
            site."google.com" = true
            fruit . flavor = "banana"
            3.14159 = "pi"
            """);

        Assert.Equal(["bare_key", "bare-key", "1234", "127.0.0.1", "character encoding", "key2", "quoted \"value\"", "", "A", "physical", "site", "fruit", "3"],
            toml.Root.Keys);
        Assert.Equal("orange", toml.GetString("physical", "color"));
        Assert.Equal(true, toml.Get("site", "google.com"));
        Assert.Equal("banana", toml.GetString("fruit", "flavor"));
        Assert.Equal("pi", toml.GetString("3", "14159"));
    }

    [Fact]
    public void Parse_Tables_ImplicitParentsMayBeDefinedLater()
    {
        var toml = TomlReader.Parse("""
            [x.y.z.w]
            a = 1
            [x]
            b = 2
            [ x . y ]
            c = 3
            """);

        Assert.Equal(1L, toml.Get("x", "y", "z", "w", "a"));
        Assert.Equal(2L, toml.Get("x", "b"));
        Assert.Equal(3L, toml.Get("x", "y", "c"));
    }

    [Fact]
    public void Parse_SubTableUnderDottedKeyTable_IsAllowed()
    {
        var toml = TomlReader.Parse("""
            [fruit]
            apple.color = "red"
            apple.taste.sweet = true
            [fruit.apple.texture]
            smooth = true
            """);

        Assert.Equal(true, toml.Get("fruit", "apple", "taste", "sweet"));
        Assert.Equal(true, toml.Get("fruit", "apple", "texture", "smooth"));
    }

    [Fact]
    public void Parse_ArrayOfTables_SubTablesAttachToLatestElement()
    {
        var toml = TomlReader.Parse("""
            [[fruits]]
            name = "apple"

            [fruits.physical]  # subtable
            color = "red"

            [[fruits.varieties]]  # nested array of tables
            name = "red delicious"

            [[fruits.varieties]]
            name = "granny smith"

            [[fruits]]
            name = "banana"

            [[fruits.varieties]]
            name = "plantain"
            """);

        var fruits = toml.GetTableArray("fruits")!.Select(t => new TomlDocument(t, toml.Path)).ToList();
        Assert.Equal(2, fruits.Count);
        Assert.Equal("red", fruits[0].GetString("physical", "color"));
        Assert.Equal(["red delicious", "granny smith"], fruits[0].GetTableArray("varieties")!.Select(t => t["name"]));
        Assert.Equal("plantain", Assert.Single(fruits[1].GetTableArray("varieties")!)["name"]);
        Assert.Null(fruits[1].GetTable("physical"));
    }

    [Fact]
    public void Parse_SameKeyInDifferentTables_IsAllowed()
    {
        var toml = TomlReader.Parse("[a]\nx = 1\n[b]\nx = 2\n[a.c]\nx = 3");

        Assert.Equal(1L, toml.Get("a", "x"));
        Assert.Equal(2L, toml.Get("b", "x"));
        Assert.Equal(3L, toml.Get("a", "c", "x"));
    }

    [Fact]
    public void Parse_KeysPreserveDocumentOrder()
    {
        Assert.Equal(["z", "a", "m", "b", "c"], TomlReader.Parse("z = 1\na = 2\nm.k = 3\n[b]\n[c]").Root.Keys);
    }

    [Fact]
    public void GetTableArray_HeadersAndInlineTables_ReadTheSame()
    {
        // Poetry's packages, both ways they are written.
        var headers = TomlReader.Parse("[[tool.poetry.packages]]\ninclude = 'app'\n[[tool.poetry.packages]]\ninclude = 'lib'\nfrom = 'src'");
        var inline = TomlReader.Parse("[tool.poetry]\npackages = [{ include = 'app' }, { include = 'lib', from = 'src' }]");

        foreach (var toml in new[] { headers, inline })
        {
            var packages = toml.GetTableArray("tool", "poetry", "packages")!;
            Assert.Equal(["app", "lib"], packages.Select(p => p["include"]));
            Assert.Equal("src", packages[1]["from"]);
        }

        Assert.IsType<TomlTableArray>(headers.Get("tool", "poetry", "packages"));
        Assert.IsType<TomlArray>(inline.Get("tool", "poetry", "packages"));
    }

    [Fact]
    public void Getters_WrongShapes_ReturnNull()
    {
        var toml = TomlReader.Parse("s = 'x'\nn = 1\nmixed = ['a', 1]\ntables = [{ a = 1 }, 2]\n[t]\nk = 'v'");

        Assert.Null(toml.Get("s", "deeper"));
        Assert.Null(toml.GetString("n"));
        Assert.Null(toml.GetTable("s"));
        Assert.Null(toml.GetStringArray("mixed"));
        Assert.Null(toml.GetStringArray("t"));
        Assert.Null(toml.GetTableArray("tables"));
        Assert.Null(toml.GetTableArray("t"));
        Assert.Equal("v", toml.GetString("t", "k"));
    }
}
