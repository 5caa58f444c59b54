using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(MigrationPortal.Benchmarks.PdfBenchmarks).Assembly).Run(args);
