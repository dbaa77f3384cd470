namespace Typed.S3.Tests.Globbing;

public class KeyGlobTests
{
    [Theory]
    // literals
    [InlineData("data/x.csv", "data/x.csv", true)]
    [InlineData("data/x.csv", "data/x.csvx", false)]
    [InlineData("data/x.csv", "Data/x.csv", false)]
    [InlineData("a b/#%+=.csv", "a b/#%+=.csv", true)]
    // *
    [InlineData("data/*.csv", "data/x.csv", true)]
    [InlineData("data/*.csv", "data/.csv", true)]
    [InlineData("data/*.csv", "data/a/x.csv", false)]
    [InlineData("data/*.csv", "data/x.CSV", false)]
    [InlineData("*", "top", true)]
    [InlineData("*", "a/b", false)]
    [InlineData("data/2024-*", "data/2024-01.csv", true)]
    [InlineData("data/*-*-*.csv", "data/a-b-c.csv", true)]
    [InlineData("data/*-*-*.csv", "data/a-b.csv", false)]
    // ?
    [InlineData("data/?.csv", "data/x.csv", true)]
    [InlineData("data/?.csv", "data/xy.csv", false)]
    [InlineData("data/?.csv", "data//.csv", false)]
    [InlineData("data/?.csv", "data/\U0001F600.csv", true)]
    [InlineData("a?b", "a/b", false)]
    // **
    [InlineData("data/**/*.csv", "data/x.csv", true)]
    [InlineData("data/**/*.csv", "data/a/x.csv", true)]
    [InlineData("data/**/*.csv", "data/a/b/c/x.csv", true)]
    [InlineData("data/**/*.csv", "data/a/b/c/x.json", false)]
    [InlineData("data/**/*.csv", "other/x.csv", false)]
    [InlineData("data/**/*.csv", "datax/x.csv", false)]
    [InlineData("**/*.csv", "x.csv", true)]
    [InlineData("**/*.csv", "a/b/x.csv", true)]
    [InlineData("**", "a/b/c", true)]
    [InlineData("**", "", true)]
    [InlineData("data/**", "data/a/b.csv", true)]
    [InlineData("data/**", "data", false)]
    [InlineData("data/**", "datax/a", false)]
    [InlineData("a/**/b/**/c", "a/b/c", true)]
    [InlineData("a/**/b/**/c", "a/x/b/y/z/c", true)]
    [InlineData("a/**/b/**/c", "a/x/y/c", false)]
    [InlineData("data/x**.csv", "data/xyz.csv", true)]
    [InlineData("data/x**.csv", "data/x/y.csv", false)]
    // classes
    [InlineData("f[abc].csv", "fa.csv", true)]
    [InlineData("f[abc].csv", "fd.csv", false)]
    [InlineData("f[a-c0-9].csv", "f7.csv", true)]
    [InlineData("f[a-c0-9].csv", "fz.csv", false)]
    [InlineData("f[!abc].csv", "fd.csv", true)]
    [InlineData("f[!abc].csv", "fa.csv", false)]
    [InlineData("f[^abc].csv", "fd.csv", true)]
    [InlineData("f[^abc].csv", "fb.csv", false)]
    [InlineData("a[!x]b", "a/b", false)]
    [InlineData("a[+-9]b", "a/b", false)]
    [InlineData("f[-a].csv", "f-.csv", true)]
    [InlineData("f[a-].csv", "f-.csv", true)]
    [InlineData("f[\\]].csv", "f].csv", true)]
    [InlineData("f[\\!a]", "f!", true)]
    [InlineData("f[\U0001F600é]", "f\U0001F600", true)]
    [InlineData("f[\U0001F600é]", "fé", true)]
    // alternatives
    [InlineData("data/{a,b,c}.csv", "data/b.csv", true)]
    [InlineData("data/{a,b,c}.csv", "data/d.csv", false)]
    [InlineData("data/*.{csv,json}", "data/x.json", true)]
    [InlineData("data/*.{csv,json}", "data/x.parquet", false)]
    [InlineData("data/{2023/*,2024/**/*}.csv", "data/2023/x.csv", true)]
    [InlineData("data/{2023/*,2024/**/*}.csv", "data/2024/a/b/x.csv", true)]
    [InlineData("data/{2023/*,2024/**/*}.csv", "data/2023/a/x.csv", false)]
    [InlineData("x.csv{,.gz}", "x.csv", true)]
    [InlineData("x.csv{,.gz}", "x.csv.gz", true)]
    [InlineData("{a,{b,c}d}", "cd", true)]
    [InlineData("{a,{b,c}d}", "c", false)]
    [InlineData("{a,b}", "a", true)]
    [InlineData("a,b", "a,b", true)]
    [InlineData("a]b", "a]b", true)]
    // escapes
    [InlineData("data/\\*.csv", "data/*.csv", true)]
    [InlineData("data/\\*.csv", "data/x.csv", false)]
    [InlineData("data/\\?\\[\\]\\{\\}\\\\", "data/?[]{}\\", true)]
    [InlineData("data/\\{a,b\\}*", "data/{a,b}x", true)]
    [InlineData("data/\\{a,b\\}*", "data/a", false)]
    public void Matches(string pattern, string key, bool expected) => Assert.Equal(expected, KeyGlob.Parse(pattern).IsMatch(key));

    [Theory]
    [InlineData("data/sales/2024-*.csv", "data/sales/2024-", true)]
    [InlineData("data/**/*.csv", "data/", true)]
    [InlineData("data/x.csv", "data/x.csv", false)]
    [InlineData("data/\\*x/*.csv", "data/*x/", true)]
    [InlineData("data/\\*x.csv", "data/*x.csv", false)]
    [InlineData("{a,b}/x", "", true)]
    [InlineData("data/f[ab]", "data/f", true)]
    [InlineData("data/f?", "data/f", true)]
    [InlineData("**/x", "", true)]
    [InlineData("\U0001F600/*", "\U0001F600/", true)]
    public void FindsTheLiteralPrefix(string pattern, string prefix, bool hasWildcards)
    {
        KeyGlob glob = KeyGlob.Parse(pattern);
        Assert.Equal(pattern, glob.Pattern);
        Assert.Equal(prefix, glob.LiteralPrefix);
        Assert.Equal(hasWildcards, glob.HasWildcards);
        Assert.Equal(pattern, glob.ToString());
    }

    [Theory]
    [InlineData("data/[abc.csv", 5)]
    [InlineData("data/{a,b.csv", 5)]
    [InlineData("data/{a,{b,c}.csv", 5)]
    [InlineData("data/[].csv", 5)]
    [InlineData("data/[!].csv", 5)]
    [InlineData("data/{}.csv", 5)]
    [InlineData("data/a}.csv", 6)]
    [InlineData("data/[z-a].csv", 6)]
    [InlineData("data/[/].csv", 6)]
    [InlineData("data/x\\", 6)]
    [InlineData("data/[a\\", 5)]
    public void InvalidPatternsNameThePatternAndPosition(string pattern, int position)
    {
        var error = Assert.Throws<FormatException>(() => KeyGlob.Parse(pattern));
        Assert.Contains("'" + pattern + "'", error.Message);
        Assert.Contains("at position " + position + ":", error.Message);
    }

    [Fact]
    public void HostilePatternsDoNotBacktrack()
    {
        string key = new string('a', 20_000);
        Assert.False(KeyGlob.Parse("a*a*a*a*a*a*a*a*a*a*a*a*b").IsMatch(key));
        Assert.True(KeyGlob.Parse("a*a*a*a*a*a*a*a*a*a*a*a*").IsMatch(key));

        string deep = string.Join('/', Enumerable.Repeat("a", 5_000));
        Assert.False(KeyGlob.Parse("**/a/**/a/**/a/**/a/**/a/**/b").IsMatch(deep));
        Assert.False(KeyGlob.Parse("{a,a*,*a}{a,a*,*a}{a,a*,*a}{a,a*,*a}{a,a*,*a}b").IsMatch(key));

        string longPattern = string.Concat(Enumerable.Repeat("*a", 300)) + "b";
        Assert.False(KeyGlob.Parse(longPattern).IsMatch(key));
    }

    [Fact]
    public void EqualityIsByPattern()
    {
        Assert.Equal(KeyGlob.Parse("a/*.csv"), KeyGlob.Parse("a/*.csv"));
        Assert.NotEqual(KeyGlob.Parse("a/*.csv"), KeyGlob.Parse("a/*.CSV"));
        Assert.Equal(KeyGlob.Parse("x").GetHashCode(), KeyGlob.Parse("x").GetHashCode());
    }
}
