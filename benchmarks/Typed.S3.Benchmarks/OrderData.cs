using System.Globalization;
using Typed.S3.Benchmarks.Data;

namespace Typed.S3.Benchmarks;

/// <summary>
/// Deterministic orders for the nested suites (<c>orders.s3schema.json</c>): a customer record holding an optional
/// address record, 1 to 4 line items with decimal(10,2) prices and a list of tags, a map of attributes and a timestamp.
/// Every level has its nulls and empties: one email in 5 and one address in 7 are null, one street in 11; a line item's
/// tags are null, empty or 1 to 3 distinct ones; one attributes map in 6 is null and one in 6 empty. Names, streets and
/// cities carry non-ASCII letters (written as raw UTF-8) and gift notes quotes (written escaped), so both readers
/// transcode and unescape strings.
/// </summary>
internal static class OrderData
{
    /// <summary>The seed of <see cref="Records(int)"/>: the data every nested suite reads.</summary>
    public const int DefaultSeed = 42;

    private static readonly (string Name, string Ascii)[] FirstNames =
    [
        ("Zoë", "zoe"), ("José", "jose"), ("Łukasz", "lukasz"), ("Aiko", "aiko"), ("Liam", "liam"),
        ("Fatima", "fatima"), ("Chloé", "chloe"), ("Mateo", "mateo"), ("Ingrid", "ingrid"), ("Kwame", "kwame"),
    ];

    private static readonly (string Name, string Ascii)[] LastNames =
    [
        ("Müller", "mueller"), ("García", "garcia"), ("O'Brien", "obrien"), ("Nowak", "nowak"), ("Smith", "smith"),
        ("Tanaka", "tanaka"), ("Dubois", "dubois"), ("Rossi", "rossi"), ("Okafor", "okafor"), ("Jensen", "jensen"),
    ];

    private static readonly string[] Domains = ["example.com", "mail.example.org", "shop.example.net"];

    private static readonly (string City, string Street, string Zip)[] Places =
    [
        ("Berlin", "Hauptstraße", "10115"), ("Madrid", "Calle de Alcalá", "28013"), ("Kraków", "ulica Floriańska", "31-019"),
        ("Lyon", "Rue de la République", "69002"), ("Osaka", "Midosuji", "530-0001"), ("Chicago", "North Michigan Avenue", "60601"),
        ("São Paulo", "Avenida Paulista", "01310-100"), ("Dublin", "Grafton Street", "D02 X285"),
    ];

    private static readonly string[] SkuPrefixes = ["BK", "HW", "TX", "EL", "GD"];
    private static readonly string[] TagWords = ["gift", "fragile", "backorder", "clearance", "new", "eco", "bundle"];

    private static readonly (string Key, string[] Values)[] AttributeValues =
    [
        ("channel", ["web", "mobile", "store"]),
        ("coupon", ["SPRING10", "WELCOME5", "FREESHIP"]),
        ("gift_note", ["Happy birthday, \"Sam\"!", "Für Oma, mit Liebe", "Congrats on the new place"]),
        ("source", ["newsletter", "search", "referral"]),
        ("priority", ["standard", "express"]),
    ];

    private static readonly DateTimeOffset Start = new(2024, 3, 1, 8, 0, 0, TimeSpan.Zero);

    /// <summary><paramref name="rows"/> orders with ids from 1, the same for the same count on every run.</summary>
    public static List<Order> Records(int rows)
    {
        var random = new Random(DefaultSeed);
        var orders = new List<Order>(rows);
        for (int i = 0; i < rows; i++)
        {
            orders.Add(Next(random, i));
        }

        return orders;
    }

    /// <summary>
    /// The orders as Typed.S3 writes them to JSON Lines: the nested suites' input, and the form their checks compare,
    /// since records compare lists and maps by reference (two equal orders read twice are not <c>Equals</c>).
    /// </summary>
    public static byte[] WriteJsonLines(IEnumerable<Order> orders)
    {
        using var output = new MemoryStream();
        Orders.WriteJsonLinesAsync(output, orders).GetAwaiter().GetResult();
        return output.ToArray();
    }

    private static Order Next(Random random, int i)
    {
        (string first, string firstAscii) = FirstNames[random.Next(FirstNames.Length)];
        (string last, string lastAscii) = LastNames[random.Next(LastNames.Length)];
        (string city, string street, string zip) = Places[random.Next(Places.Length)];
        int house = random.Next(1, 300);
        var customer = new Customer
        {
            Name = first + " " + last,
            Email = i % 5 == 0 ? null : $"{firstAscii}.{lastAscii}{random.Next(100)}@{Domains[random.Next(Domains.Length)]}",
            Address = i % 7 == 0
                ? null
                : new Address { Street = i % 11 == 3 ? null : string.Create(CultureInfo.InvariantCulture, $"{street} {house}"), City = city, Zip = zip },
        };

        var items = new LineItem?[random.Next(1, 5)];
        for (int n = 0; n < items.Length; n++)
        {
            items[n] = new LineItem
            {
                Sku = string.Create(CultureInfo.InvariantCulture, $"{SkuPrefixes[random.Next(SkuPrefixes.Length)]}-{random.Next(100_000):D5}"),
                Qty = random.Next(10) == 0 ? random.Next(10, 100) : random.Next(1, 4),
                Price = new decimal(random.Next(99, 250_000), 0, 0, isNegative: false, scale: 2),
                Tags = random.Next(5) switch
                {
                    0 => null,
                    1 => [],
                    int count => Tags(random.Next(TagWords.Length), count - 1),
                },
            };
        }

        Dictionary<string, string?>? attributes = null;
        if (i % 6 != 0)
        {
            attributes = [];
            int count = i % 6 == 1 ? 0 : random.Next(1, 4);
            int firstKey = random.Next(AttributeValues.Length);
            for (int n = 0; n < count; n++)
            {
                (string key, string[] values) = AttributeValues[(firstKey + n) % AttributeValues.Length];
                attributes.Add(key, values[random.Next(values.Length)]);
            }
        }

        return new Order
        {
            Id = i + 1,
            Customer = customer,
            Items = items,
            Attributes = attributes,
            PlacedAt = Start.AddMilliseconds(i * 41_000L + random.Next(41_000)),
        };
    }

    // Distinct tags, as a shop assigns them: count of them in a row from first on.
    private static string?[] Tags(int first, int count)
    {
        var tags = new string?[count];
        for (int n = 0; n < count; n++)
        {
            tags[n] = TagWords[(first + n) % TagWords.Length];
        }

        return tags;
    }
}
