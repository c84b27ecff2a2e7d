using BenchmarkDotNet.Running;

// Run from the repository root: dotnet run -c Release --project bench/Verbatim.Bench -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Verbatim.Bench.Readers.ReaderBenchmark).Assembly).Run(args, Verbatim.Bench.BenchConfig.Create());
