using Typed.S3.Schema.Diagnostics;
using Typed.S3.Schema.Json;
using Typed.S3.Schema.Model;

namespace Typed.S3.Generator.Tests.Parsing;

public sealed class JsonReaderTests
{
    private static JsonNode ReadValid(string text)
    {
        JsonParseResult result = JsonReader.Parse("t.json", text);
        Assert.Empty(result.Diagnostics);
        Assert.NotNull(result.Root);
        return result.Root!;
    }

    private static string ReadError(string text)
    {
        JsonParseResult result = JsonReader.Parse("t.json", text);
        Assert.Null(result.Root);
        return Assert.Single(result.Diagnostics).ToString();
    }

    [Fact]
    public void Builds_a_tree_with_ordered_properties_and_kinds()
    {
        var root = (JsonObject)ReadValid("{\"b\": [1, -2.5e+3, \"x\", true, false, null, {}], \"a\": {\"c\": 0}}");
        Assert.Equal(new[] { "b", "a" }, root.Properties.Select(p => p.Name).ToArray());
        var array = (JsonArray)root.Find("b")!.Value;
        Assert.Equal(
            new[] { JsonNodeKind.Number, JsonNodeKind.Number, JsonNodeKind.String, JsonNodeKind.Boolean, JsonNodeKind.Boolean, JsonNodeKind.Null, JsonNodeKind.Object },
            array.Items.Select(i => i.Kind).ToArray());
        Assert.Equal("-2.5e+3", ((JsonNumber)array.Items[1]).RawText);
        Assert.True(((JsonBoolean)array.Items[3]).Value);
        Assert.False(((JsonBoolean)array.Items[4]).Value);
        Assert.Equal("0", ((JsonNumber)((JsonObject)root.Find("a")!.Value).Find("c")!.Value).RawText);
        Assert.Null(root.Find("B"));
    }

    [Fact]
    public void Spans_count_lines_on_lf_crlf_and_cr()
    {
        var root = (JsonObject)ReadValid("{\n  \"a\": 1,\r\n  \"bb\": \"xy\",\r  \"c\": [true]\n}");
        JsonProperty a = root.Find("a")!;
        Assert.Equal(new SourceSpan(4, 3, 1, 2, 1, 5), a.NameSpan);
        Assert.Equal(new SourceSpan(9, 1, 1, 7, 1, 8), a.Value.Span);
        JsonProperty bb = root.Find("bb")!;
        Assert.Equal(new SourceSpan(15, 4, 2, 2, 2, 6), bb.NameSpan);
        Assert.Equal(new SourceSpan(21, 4, 2, 8, 2, 12), bb.Value.Span);
        JsonProperty c = root.Find("c")!;
        Assert.Equal(3, c.NameSpan.StartLine);
        Assert.Equal(2, c.NameSpan.StartColumn);
        Assert.Equal(new SourceSpan(34, 6, 3, 7, 3, 13), c.Value.Span);
        Assert.Equal(0, root.Span.StartLine);
        Assert.Equal(4, root.Span.EndLine);
        Assert.Equal(1, root.Span.EndColumn);
    }

    [Fact]
    public void Unescapes_every_escape_and_surrogate_pairs()
    {
        var value = (JsonString)ReadValid("\"q\\\" b\\\\ s\\/ \\b\\f\\n\\r\\t \\u00e9\\u00C9 \\ud83d\\ude00\"");
        Assert.Equal("q\" b\\ s/ \b\f\n\r\t \u00e9\u00c9 \U0001F600", value.Value);
    }

    [Fact]
    public void Maps_value_characters_back_to_the_text_through_escapes()
    {
        string text = "\"a\\tb\\u0041c\"";
        var value = (JsonString)ReadValid(text);
        Assert.Equal("a\tbAc", value.Value);
        Assert.Equal(1, value.GetSourceOffset(0));
        Assert.Equal(2, value.GetSourceOffset(1));
        Assert.Equal(4, value.GetSourceOffset(2));
        Assert.Equal(5, value.GetSourceOffset(3));
        Assert.Equal('c', text[value.GetSourceOffset(4)]);
        Assert.Equal(text.Length - 1, value.GetSourceOffset(5));

        var plain = (JsonString)ReadValid("  \"abc\"");
        Assert.Equal(4, plain.GetSourceOffset(1));
    }

    [Fact]
    public void Skips_a_byte_order_mark_and_surrounding_whitespace()
    {
        var root = (JsonArray)ReadValid("\uFEFF \t\r\n[ ]\n");
        Assert.Empty(root.Items);
        Assert.Equal(new SourceSpan(5, 3, 1, 0, 1, 3), root.Span);
    }

    [Theory]
    [InlineData("", "t.json(1,1): error TS3001: Invalid JSON: the text is empty; expected a JSON value")]
    [InlineData("{\"a\": 1 \"b\": 2}", "t.json(1,9): error TS3001: Invalid JSON: expected ',' or '}' after property value, found '\"'")]
    [InlineData("[1 2]", "t.json(1,4): error TS3001: Invalid JSON: expected ',' or ']' after array element, found '2'")]
    [InlineData("{\"a\" 1}", "t.json(1,6): error TS3001: Invalid JSON: expected ':' after property name, found '1'")]
    [InlineData("{\n  \"a\": \"abc\n}", "t.json(2,8): error TS3001: Invalid JSON: unterminated string (a string cannot contain a line break)")]
    [InlineData("{\"a\": \"abc", "t.json(1,7): error TS3001: Invalid JSON: unterminated string")]
    [InlineData("\"a\\qb\"", "t.json(1,3): error TS3001: Invalid JSON: invalid escape sequence '\\q'")]
    [InlineData("\"\\u12G4\"", "t.json(1,2): error TS3001: Invalid JSON: invalid \\u escape: expected four hexadecimal digits after '\\u'")]
    [InlineData("\"x\\ud83d\"", "t.json(1,3): error TS3001: Invalid JSON: invalid \\u escape: the high surrogate \\uD83D is not followed by a low surrogate escape")]
    [InlineData("\"\\ude00\"", "t.json(1,2): error TS3001: Invalid JSON: invalid \\u escape: the low surrogate \\uDE00 has no high surrogate before it")]
    [InlineData("\"a\tb\"", "t.json(1,3): error TS3001: Invalid JSON: control character U+0009 must be escaped inside a string")]
    [InlineData("{\"a\": 1,}", "t.json(1,8): error TS3001: Invalid JSON: trailing comma before '}'")]
    [InlineData("[1,\n 2,\n]", "t.json(2,3): error TS3001: Invalid JSON: trailing comma before ']'")]
    [InlineData("{'a': 1}", "t.json(1,2): error TS3001: Invalid JSON: property names must be in double quotes, not single quotes")]
    [InlineData("{\"a\": 'x'}", "t.json(1,7): error TS3001: Invalid JSON: strings must be in double quotes, not single quotes")]
    [InlineData("{a: 1}", "t.json(1,2): error TS3001: Invalid JSON: expected a property name in double quotes, found 'a'")]
    [InlineData("// c\n{}", "t.json(1,1): error TS3001: Invalid JSON: comments are not allowed in JSON")]
    [InlineData("[01]", "t.json(1,2): error TS3001: Invalid JSON: invalid number: leading zeros are not allowed")]
    [InlineData("[-]", "t.json(1,3): error TS3001: Invalid JSON: invalid number: expected a digit after '-'")]
    [InlineData("[1.]", "t.json(1,4): error TS3001: Invalid JSON: invalid number: expected a digit after the decimal point")]
    [InlineData("[1e+]", "t.json(1,5): error TS3001: Invalid JSON: invalid number: expected a digit in the exponent")]
    [InlineData("[.5]", "t.json(1,2): error TS3001: Invalid JSON: unexpected '.'; expected a value")]
    [InlineData("[True]", "t.json(1,2): error TS3001: Invalid JSON: invalid literal 'True': write true, false and null in lowercase")]
    [InlineData("[NaN]", "t.json(1,2): error TS3001: Invalid JSON: unexpected 'NaN'; expected a value (strings must be in double quotes)")]
    [InlineData("{} {}", "t.json(1,4): error TS3001: Invalid JSON: unexpected '{' after the end of the JSON value")]
    [InlineData("{\n  \"a\": [1,\n", "t.json(3,1): error TS3001: Invalid JSON: unexpected end of input; expected a value (the array opened at line 2, column 8 is not closed)")]
    [InlineData("{\"a\": 1", "t.json(1,8): error TS3001: Invalid JSON: unexpected end of input; expected ',' or '}' after property value (the object opened at line 1, column 1 is not closed)")]
    [InlineData("{\"a\":", "t.json(1,6): error TS3001: Invalid JSON: unexpected end of input; expected a value")]
    [InlineData("{\"a\"", "t.json(1,5): error TS3001: Invalid JSON: unexpected end of input; expected ':' after property name (the object opened at line 1, column 1 is not closed)")]
    [InlineData("[1\r\n,\r\u0001]", "t.json(3,1): error TS3001: Invalid JSON: unexpected U+0001; expected a value")]
    public void Reports_each_syntax_error_at_its_exact_position(string text, string expected)
    {
        Assert.Equal(expected, ReadError(text));
    }

    [Fact]
    public void Accepts_nesting_up_to_the_limit_and_rejects_deeper()
    {
        string ok = new string('[', JsonReader.MaxDepth) + new string(']', JsonReader.MaxDepth);
        Assert.Equal(JsonNodeKind.Array, ReadValid(ok).Kind);

        string tooDeep = "{\"a\":" + new string('[', JsonReader.MaxDepth) + new string(']', JsonReader.MaxDepth) + "}";
        Assert.Equal(
            "t.json(1," + (6 + JsonReader.MaxDepth - 1) + "): error TS3001: Invalid JSON: objects and arrays nest deeper than 64 levels",
            ReadError(tooDeep));
    }

    [Fact]
    public void Hostile_nesting_does_not_overflow_the_stack()
    {
        string hostile = string.Concat(Enumerable.Repeat("{\"a\":[", 200_000));
        string message = ReadError(hostile);
        Assert.Contains("nest deeper than 64 levels", message);
    }

    [Fact]
    public void Reports_duplicate_property_names_and_keeps_the_tree()
    {
        JsonParseResult result = JsonReader.Parse("t.json", "{\"a\": 1,\n \"b\": {\"x\": 1, \"x\": 2},\n \"a\": 3}");
        var root = Assert.IsType<JsonObject>(result.Root);
        Assert.Equal("1", ((JsonNumber)root.Find("a")!.Value).RawText);
        Assert.Equal(3, root.Properties.Count);
        Assert.Equal(
            new[]
            {
                "t.json(2,16): error TS3020: Property 'x' appears more than once in this object (first at line 2, column 8)",
                "t.json(3,2): error TS3020: Property 'a' appears more than once in this object (first at line 1, column 2)",
            },
            result.Diagnostics.Select(d => d.ToString()).ToArray());
        Assert.All(result.Diagnostics, d => Assert.Equal(SchemaDiagnosticSeverity.Error, d.Severity));
    }

    [Fact]
    public void Never_throws_on_truncated_or_mangled_input()
    {
        const string Sample = "{\"a\": [1, -2.5e3, \"x\\u00e9\\ud83d\\ude00\", true, null], \"b\": {\"c\": \"d\\n\"}}";
        var random = new Random(1234);
        for (int length = 0; length <= Sample.Length; length++)
        {
            JsonParseResult truncated = JsonReader.Parse("t.json", Sample.Substring(0, length));
            Assert.True(truncated.Root is not null || truncated.Diagnostics.Count == 1);
        }

        char[] alphabet = "{}[]\":,\\u0e-+. \n\rtfnaxd1".ToCharArray();
        for (int i = 0; i < 3000; i++)
        {
            char[] chars = Sample.ToCharArray();
            int edits = random.Next(1, 4);
            for (int e = 0; e < edits; e++)
            {
                chars[random.Next(chars.Length)] = alphabet[random.Next(alphabet.Length)];
            }

            JsonParseResult result = JsonReader.Parse("t.json", new string(chars));
            Assert.True(result.Root is not null || result.Diagnostics.Any(d => d.Id == "TS3001"));
        }
    }

    [Fact]
    public void Cancellation_stops_reading()
    {
        using var source = new CancellationTokenSource();
        source.Cancel();
        string big = "[" + string.Join(",", Enumerable.Repeat("1", 5000)) + "]";
        Assert.Throws<OperationCanceledException>(() => JsonReader.Parse("t.json", big, source.Token));
    }
}
