using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(Typed.S3.Benchmarks.CsvReadBenchmarks).Assembly).Run(args);
