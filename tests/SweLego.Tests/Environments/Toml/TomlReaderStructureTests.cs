using SweLego.Environments.Toml;

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
        var root = TomlReader.Parse("""
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
            """).Root;

        Assert.Equal(["bare_key", "bare-key", "1234", "127.0.0.1", "character encoding", "key2", "quoted \"value\"", "", "A", "physical", "site", "fruit", "3"],
            root.Keys);
        Assert.Equal("orange", root.GetString("physical", "color"));
        Assert.Equal(true, root.GetBoolean("site", "google.com"));
        Assert.Equal("banana", root.GetString("fruit", "flavor"));
        Assert.Equal("pi", root.GetString("3", "14159"));
    }

    [Fact]
    public void Parse_Tables_ImplicitParentsMayBeDefinedLater()
    {
        var root = TomlReader.Parse("""
            [x.y.z.w]
            a = 1
            [x]
            b = 2
            [ x . y ]
            c = 3
            """).Root;

        Assert.Equal(1, root.GetInteger("x", "y", "z", "w", "a"));
        Assert.Equal(2, root.GetInteger("x", "b"));
        Assert.Equal(3, root.GetInteger("x", "y", "c"));
    }

    [Fact]
    public void Parse_SubTableUnderDottedKeyTable_IsAllowed()
    {
        var root = TomlReader.Parse("""
            [fruit]
            apple.color = "red"
            apple.taste.sweet = true
            [fruit.apple.texture]
            smooth = true
            """).Root;

        Assert.Equal(true, root.GetBoolean("fruit", "apple", "taste", "sweet"));
        Assert.Equal(true, root.GetBoolean("fruit", "apple", "texture", "smooth"));
    }

    [Fact]
    public void Parse_ArrayOfTables_SubTablesAttachToLatestElement()
    {
        var root = TomlReader.Parse("""
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
            """).Root;

        var fruits = root.GetTableArray("fruits")!;
        Assert.Equal(2, fruits.Count);
        Assert.Equal("red", fruits[0].GetString("physical", "color"));
        Assert.Equal(["red delicious", "granny smith"], fruits[0].GetTableArray("varieties")!.Select(t => t.GetString("name")));
        Assert.Equal("plantain", fruits[1].GetTableArray("varieties")![0].GetString("name"));
        Assert.Null(fruits[1].GetTable("physical"));
    }

    [Fact]
    public void Parse_SameKeyInDifferentTables_IsAllowed()
    {
        var root = TomlReader.Parse("[a]\nx = 1\n[b]\nx = 2\n[a.c]\nx = 3").Root;

        Assert.Equal(1, root.GetInteger("a", "x"));
        Assert.Equal(2, root.GetInteger("b", "x"));
        Assert.Equal(3, root.GetInteger("a", "c", "x"));
    }

    [Fact]
    public void Parse_KeysPreserveDocumentOrder()
    {
        var root = TomlReader.Parse("z = 1\na = 2\nm.k = 3\n[b]\n[c]").Root;

        Assert.Equal(["z", "a", "m", "b", "c"], root.Keys);
    }

    [Fact]
    public void Equals_TablesWithSameContentInOtherOrder_AreEqual()
    {
        var left = TomlReader.Parse("a = 1\nb = [1, 'x']\n[t]\nc = 1979-05-27").Root;
        var right = TomlReader.Parse("t.c = 1979-05-27\nb = [1, \"x\"]\na = 1").Root;

        Assert.Equal(left, right);
        Assert.Equal(left.GetHashCode(), right.GetHashCode());
        Assert.NotEqual(left, TomlReader.Parse("a = 2\nb = [1, 'x']\n[t]\nc = 1979-05-27").Root);
    }

    [Fact]
    public void TryGet_TypedLookup_MatchesOnlyThatType()
    {
        var root = TomlReader.Parse("name = 'x'\ncount = 3").Root;

        Assert.True(root.TryGet<TomlString>("name", out var name));
        Assert.Equal("x", name.Value);
        Assert.False(root.TryGet<TomlInteger>("name", out _));
        Assert.False(root.TryGet<TomlString>("missing", out _));
    }

    [Fact]
    public void Constructor_DuplicateKeys_Throws()
    {
        Assert.Throws<ArgumentException>(() => new TomlTable([new("a", new TomlInteger(1)), new("a", new TomlInteger(2))]));
    }

    [Fact]
    public void TryParse_ValidText_ReturnsDocumentWithoutDiagnostics()
    {
        var result = TomlReader.TryParse("a = 1", "x.toml");

        Assert.True(result.Succeeded);
        Assert.Equal(1, result.Document.Root.GetInteger("a"));
        Assert.Empty(result.Diagnostics);
    }

    [Fact]
    public void TryParse_InvalidText_ReturnsDiagnosticInsteadOfThrowing()
    {
        var result = TomlReader.TryParse("a = 1\nb = \n", "x.toml");

        Assert.False(result.Succeeded);
        Assert.Null(result.Document);
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(new TomlDiagnostic("expected a value, found the end of the line", "x.toml", 2, 5, 10), diagnostic);
        Assert.Equal("x.toml:2:5: expected a value, found the end of the line", diagnostic.ToString());
    }
}
