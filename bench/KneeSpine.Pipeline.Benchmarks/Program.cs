using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/KneeSpine.Pipeline.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(KneeSpine.Pipeline.Benchmarks.NdjsonBenchmarks).Assembly).Run(args);
