// The service itself: it reads the orders the schema describes. CI validates the schema and the data before this runs.
using CiValidation.Shop;
using Typed.S3;

await using IObjectStore store = ObjectStore.Open(args.Length > 0 ? args[0] : Path.Combine(AppContext.BaseDirectory, "store"));
decimal total = 0;
await foreach (Order order in Orders.ReadAsync(store))
{
    total += order.Amount ?? 0;
}

Console.WriteLine($"orders total {total:0.00}");
