using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;

namespace TwelveFactor.Sdk.Analyzers.Fixes;

/// <summary>
/// The frame every code fix shares: a rule's fix says, for one diagnostic, which fixes it offers and how each
/// edits the document; the frame registers them for the IDE's lightbulb and applies them for fix-all (document,
/// project, solution, and `dotnet format analyzers`) through one path, so that a fix-all is exactly the single
/// fixes applied together. A fix that cannot be made safely is simply not offered.
/// </summary>
public abstract class RuleFixProvider : CodeFixProvider
{
    private protected RuleFixProvider(params string[] ruleIds) => FixableDiagnosticIds = ImmutableArray.Create(ruleIds);

    public sealed override ImmutableArray<string> FixableDiagnosticIds { get; }

    public sealed override FixAllProvider GetFixAllProvider() => new FixAll(this);

    public sealed override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            foreach (var offer in Offers(diagnostic, root, model, context.CancellationToken))
            {
                var document = context.Document;
                context.RegisterCodeFix(
                    CodeAction.Create(offer.Title, c => ApplyAsync(document, ImmutableArray.Create(diagnostic), offer.EquivalenceKey, c), offer.EquivalenceKey),
                    diagnostic);
            }
        }
    }

    /// <summary>The fixes offered for one diagnostic, computed on the document as it was when the diagnostic was reported.</summary>
    internal abstract IEnumerable<FixOffer> Offers(Diagnostic diagnostic, SyntaxNode root, SemanticModel model, CancellationToken cancellationToken);

    /// <summary>
    /// Applies the fix of the given kind for each diagnostic, once per place (two rules reporting the same literal
    /// get one edit), all into one editor so that nested edits compose.
    /// </summary>
    private async Task<Document> ApplyAsync(Document document, ImmutableArray<Diagnostic> diagnostics, string? equivalenceKey, CancellationToken cancellationToken)
    {
        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        var fixedPlaces = new HashSet<SyntaxNode>();
        foreach (var diagnostic in diagnostics.OrderBy(d => d.Location.SourceSpan.Start))
        {
            var offer = Offers(diagnostic, editor.OriginalRoot, editor.SemanticModel, cancellationToken)
                .FirstOrDefault(o => equivalenceKey is null || o.EquivalenceKey == equivalenceKey);
            if (offer is not null && fixedPlaces.Add(offer.Place))
            {
                offer.Apply(editor);
            }
        }

        // The fixes' own code is formatted here rather than left to the host, so that the IDE, dotnet format and
        // fix-all write the same text.
        return await Formatter.FormatAsync(editor.GetChangedDocument(), Formatter.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    private sealed class FixAll : DocumentBasedFixAllProvider
    {
        private readonly RuleFixProvider _provider;

        public FixAll(RuleFixProvider provider) => _provider = provider;

        protected override async Task<Document?> FixAllAsync(FixAllContext fixAllContext, Document document, ImmutableArray<Diagnostic> diagnostics) =>
            await _provider.ApplyAsync(document, diagnostics, fixAllContext.CodeActionEquivalenceKey, fixAllContext.CancellationToken).ConfigureAwait(false);
    }
}

/// <summary>One fix offered for a diagnostic: its title, its kind (equivalence key), the node it changes, and the edit.</summary>
internal sealed class FixOffer
{
    public FixOffer(string title, string equivalenceKey, SyntaxNode place, Action<DocumentEditor> apply)
    {
        Title = title;
        EquivalenceKey = equivalenceKey;
        Place = place;
        Apply = apply;
    }

    public string Title { get; }

    public string EquivalenceKey { get; }

    public SyntaxNode Place { get; }

    public Action<DocumentEditor> Apply { get; }
}
