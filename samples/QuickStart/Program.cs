// QuickStart: read a dataset of CSV files through code generated from sales.s3schema.json, summarise it,
// write it back as a new CSV object, and read that object again. It runs on the local-folder store, whose
// first-level folders are buckets: data/demo-bucket/... is s3://demo-bucket/....
using QuickStart.Sales;
using Typed.S3;

string source = Path.Combine(AppContext.BaseDirectory, "data");
string storeRoot = args.Length > 0 ? Path.GetFullPath(args[0]) : Path.Combine(Path.GetTempPath(), "typed-s3-quickstart");

// Work on a copy, so that running the sample never changes the files it ships with.
CopyDirectory(source, storeRoot);
await using IObjectStore store = ObjectStore.Open(storeRoot);
Console.WriteLine($"Store: {store}");
Console.WriteLine($"Reading {Customers.Location}");

var customers = new List<Customer>();
await foreach (Customer customer in Customers.ReadAsync(store))
{
    customers.Add(customer);
}

decimal total = 0;
int active = 0;
foreach (Customer customer in customers)
{
    total += customer.LifetimeValue ?? 0;
    active += customer.Active == true ? 1 : 0;
    Console.WriteLine($"  {customer.Id,3}  {customer.Country ?? "--",-2}  {customer.SignupDate:yyyy-MM-dd}  {customer.LifetimeValue?.ToString("0.00") ?? "(none)",9}  {customer.Email ?? "(no email)"}");
}

Console.WriteLine($"{customers.Count} customers, {active} active, lifetime value {total:0.00}");

WriteResult written = await Customers.WriteAsync(store, customers);
WrittenObject exported = written.Objects[0];
Console.WriteLine($"Wrote {written} to {exported.Location} ({exported.Size} bytes)");

int readBack = 0;
await foreach (Customer customer in Customers.ReadAsync(store, exported.Location.ToString()))
{
    if (customer != customers[readBack])
    {
        Console.Error.WriteLine($"Round trip changed customer {customer.Id}: {customer} != {customers[readBack]}");
        return 1;
    }

    readBack++;
}

Console.WriteLine($"Read back {readBack} customers from {exported.Location}: identical.");
return readBack == customers.Count ? 0 : 1;

static void CopyDirectory(string from, string to)
{
    foreach (string file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
    {
        string target = Path.Combine(to, Path.GetRelativePath(from, file));
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.Copy(file, target, overwrite: true);
    }
}
