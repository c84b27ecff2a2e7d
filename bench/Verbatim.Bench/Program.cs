using BenchmarkDotNet.Running;
using Verbatim.Bench;
using Verbatim.Bench.WholeCorpus;

// Run from the repository root:
//   dotnet run -c Release --project bench/Verbatim.Bench -- --filter '*'              BenchmarkDotNet
//   dotnet run -c Release --project bench/Verbatim.Bench -- archive --documents 5000  whole corpus against Xapian
if (args is ["archive", .. var rest])
    return ArchiveBenchmark.Run(rest);
BenchmarkSwitcher.FromAssembly(typeof(BenchConfig).Assembly).Run(args, BenchConfig.Create());
return 0;
