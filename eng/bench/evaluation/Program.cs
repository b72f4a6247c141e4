using Microsoft.Build.Locator;

// MSBuild's assemblies load only after the locator has registered the installed SDK, so nothing of MSBuild is
// named in this method.
MSBuildLocator.RegisterDefaults();
return args is ["checks", .. var rest] ? CheckChainRounds.Run(rest) : EvaluationRounds.Run(args);
