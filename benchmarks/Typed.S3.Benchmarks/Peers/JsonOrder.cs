using System.Text.Json.Serialization;
using Typed.S3.Benchmarks.Data;

namespace Typed.S3.Benchmarks.Peers;

/// <summary>
/// The POCOs a System.Text.Json user writes for the nested orders of <c>orders.s3schema.json</c>, with source-generated
/// metadata (<see cref="BenchJsonContext"/>): lists as <see cref="List{T}"/>, the map as a
/// <see cref="Dictionary{TKey, TValue}"/>, decimals as <see langword="decimal"/>, the timestamp as a
/// <see cref="DateTimeOffset"/>. The required customer starts as <c>null!</c> rather than <c>new()</c>: the
/// deserializer sets it, and an initializer would allocate a customer per order for nothing.
/// </summary>
public sealed class JsonOrder
{
    [JsonPropertyName("id")] public long Id { get; set; }
    [JsonPropertyName("customer")] public JsonCustomer Customer { get; set; } = null!;
    [JsonPropertyName("items")] public List<JsonLineItem?>? Items { get; set; }
    [JsonPropertyName("attributes")] public Dictionary<string, string?>? Attributes { get; set; }
    [JsonPropertyName("placed_at")] public DateTimeOffset PlacedAt { get; set; }

    public Order ToOrder() => new()
    {
        Id = Id, Customer = Customer.ToCustomer(), Items = Items?.Select(item => item?.ToLineItem()).ToList(), Attributes = Attributes,
        PlacedAt = PlacedAt,
    };
}

/// <summary>The order's <c>customer</c> record.</summary>
public sealed class JsonCustomer
{
    [JsonPropertyName("name")] public string Name { get; set; } = "";
    [JsonPropertyName("email")] public string? Email { get; set; }
    [JsonPropertyName("address")] public JsonAddress? Address { get; set; }

    public Customer ToCustomer() => new() { Name = Name, Email = Email, Address = Address?.ToAddress() };
}

/// <summary>The customer's <c>address</c> record.</summary>
public sealed class JsonAddress
{
    [JsonPropertyName("street")] public string? Street { get; set; }
    [JsonPropertyName("city")] public string City { get; set; } = "";
    [JsonPropertyName("zip")] public string Zip { get; set; } = "";

    public Address ToAddress() => new() { Street = Street, City = City, Zip = Zip };
}

/// <summary>An element of the order's <c>items</c> list.</summary>
public sealed class JsonLineItem
{
    [JsonPropertyName("sku")] public string Sku { get; set; } = "";
    [JsonPropertyName("qty")] public int Qty { get; set; }
    [JsonPropertyName("price")] public decimal Price { get; set; }
    [JsonPropertyName("tags")] public List<string?>? Tags { get; set; }

    public LineItem ToLineItem() => new() { Sku = Sku, Qty = Qty, Price = Price, Tags = Tags };
}
