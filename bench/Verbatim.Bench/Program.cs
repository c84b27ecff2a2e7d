using BenchmarkDotNet.Running;
using Verbatim.Bench;
using Verbatim.Bench.Collation;
using Verbatim.Bench.Reuse;
using Verbatim.Bench.WholeCorpus;

// Run from the repository root:
//   dotnet run -c Release --project bench/Verbatim.Bench -- --filter '*'              BenchmarkDotNet
//   dotnet run -c Release --project bench/Verbatim.Bench -- archive --documents 5000 [--catalog sqlite|postgres|both]  whole corpus against Xapian
//   dotnet run -c Release --project bench/Verbatim.Bench -- letters --documents 5000  names, network, timeline: build and serve
//   dotnet run -c Release --project bench/Verbatim.Bench -- collate                   collation time and memory against DiffPlex
//   dotnet run -c Release --project bench/Verbatim.Bench -- check-quote --megabytes 100  quotation checks against diff-match-patch
//   dotnet run -c Release --project bench/Verbatim.Bench -- pan                       all-pairs reuse over 20 MB against sim_text
//   dotnet run -c Release --project bench/Verbatim.Bench -- large-text                one long text at ingest against Xapian: time and memory
//   dotnet run -c Release --project bench/Verbatim.Bench -- reuse-speed               `verbatim reuse` against sim_text on real and generated text: time, memory
//   dotnet run -c Release --project bench/Verbatim.Bench -- harness                   reuse quality kind by kind on a realistic generated corpus
//   dotnet run -c Release --project bench/Verbatim.Bench -- harvest --documents 100000  a whole OAI-PMH harvest over HTTP against export tei
if (args is ["harvest", .. var harvestArgs])
    return Verbatim.Bench.Harvesting.HarvestBenchmark.Run(harvestArgs);
if (args is ["archive", .. var rest])
    return ArchiveBenchmark.Run(rest);
if (args is ["check-quote", .. var checkQuoteArgs])
    return Verbatim.Bench.Quoting.CheckQuoteBenchmark.Run(checkQuoteArgs);
if (args is ["letters", .. var lettersArgs])
    return Verbatim.Bench.Letters.LettersBenchmark.Run(lettersArgs);
if (args is ["collate", .. var collateArgs])
    return CollationBenchmark.Run(collateArgs);
if (args is ["large-text", .. var largeTextArgs])
    return Verbatim.Bench.LargeText.LargeTextBenchmark.Run(largeTextArgs);
if (args is ["pan", .. var panArgs])
    return PanReuseBenchmark.Run(panArgs);
if (args is ["reuse-speed", .. var reuseSpeedArgs])
    return RealTextReuseBenchmark.Run(reuseSpeedArgs);
if (args is ["harness", .. var harnessArgs])
    return QualityHarness.Run(harnessArgs);
BenchmarkSwitcher.FromAssembly(typeof(BenchConfig).Assembly).Run(args, BenchConfig.Create());
return 0;
