using System.CommandLine;

var root = new RootCommand("KneeSpine: back pain after knee replacement. Supports, and does not replace, clinical judgement.");
return await root.Parse(args).InvokeAsync().ConfigureAwait(false);
