using System.Linq;

namespace Strata.Generator.Emit
{
    /// <summary>
    /// Emits the client's transactions: <c>TransactionAsync</c> (with an isolation level or with
    /// <c>TransactionOptions</c>) and <c>BatchAsync</c>, operations run in order in one transaction with
    /// their results as a tuple (two to seven operations) or a list.
    /// </summary>
    internal static class TransactionEmitter
    {
        /// <summary>The most operations of a tuple-returning <c>BatchAsync</c>: a <c>ValueTuple</c> holds seven without nesting.</summary>
        private const int MaxBatchArity = 7;

        private const string Task = "global::System.Threading.Tasks.Task";
        private const string Options = "global::Strata.TransactionOptions";
        private const string Token = "global::System.Threading.CancellationToken cancellationToken = default";

        public static string Emit(ClientModel client)
        {
            var w = ModelEmitter.Header(client);
            var c = client.ClientName;
            var bind = $"context => new {c}(context)";
            w.Open($"public sealed partial class {c}");

            Doc(w, "Runs <paramref name=\"body\"/> in a transaction: committed when it returns, rolled back when it throws. Inside a transaction it is a savepoint, rolled back alone when the body throws.");
            w.Line($"public {Task} TransactionAsync(global::System.Func<{c}, {Task}> body, global::System.Data.IsolationLevel? isolation = null, {Token}) =>");
            w.Line($"    TransactionAsync(body, StrataIsolationOptions(isolation), cancellationToken);");
            Doc(w, "Runs <paramref name=\"body\"/> in a transaction and returns its result: committed when it returns, rolled back when it throws. Inside a transaction it is a savepoint.");
            w.Line($"public {Task}<T> TransactionAsync<T>(global::System.Func<{c}, {Task}<T>> body, global::System.Data.IsolationLevel? isolation = null, {Token}) =>");
            w.Line($"    TransactionAsync(body, StrataIsolationOptions(isolation), cancellationToken);");
            Doc(w, "Runs <paramref name=\"body\"/> in a transaction with <paramref name=\"options\"/> (isolation level, time limit, wait for a connection, retries).");
            w.Open($"public {Task} TransactionAsync(global::System.Func<{c}, {Task}> body, {Options}? options, {Token})");
            w.Line("global::System.ArgumentNullException.ThrowIfNull(body);");
            w.Line($"return RunTransactionAsync<{c}, bool>({bind}, async db => {{ await body(db).ConfigureAwait(false); return true; }}, options, cancellationToken);");
            w.Close();
            Doc(w, "Runs <paramref name=\"body\"/> in a transaction with <paramref name=\"options\"/> and returns its result.");
            w.Line($"public {Task}<T> TransactionAsync<T>(global::System.Func<{c}, {Task}<T>> body, {Options}? options, {Token}) =>");
            w.Line($"    RunTransactionAsync<{c}, T>({bind}, body, options, cancellationToken);");

            for (int n = 2; n <= MaxBatchArity; n++)
            {
                var indices = Enumerable.Range(1, n).ToList();
                var types = string.Join(", ", indices.Select(i => "T" + i));
                var parameters = string.Join(", ", indices.Select(i => $"global::System.Func<{c}, {Task}<T{i}>> operation{i}"));
                var results = string.Join(", ", indices.Select(i => $"await operation{i}(db).ConfigureAwait(false)"));
                Doc(w, $"Runs {n} operations one after another in one transaction and returns their results in order; any failure rolls them all back. Each operation is a function of the transaction's client, run when its turn comes.");
                w.Open($"public {Task}<({types})> BatchAsync<{types}>({parameters}, {Options}? options = null, {Token})");
                foreach (var i in indices) w.Line($"global::System.ArgumentNullException.ThrowIfNull(operation{i});");
                w.Line($"return RunTransactionAsync<{c}, ({types})>({bind}, async db => ({results}), options, cancellationToken);");
                w.Close();
            }
            Doc(w, "Runs <paramref name=\"operations\"/> one after another in one transaction and returns their results in order; any failure rolls them all back.");
            w.Open($"public {Task}<global::System.Collections.Generic.List<T>> BatchAsync<T>(global::System.Collections.Generic.IEnumerable<global::System.Func<{c}, {Task}<T>>> operations, {Options}? options = null, {Token})");
            w.Line("global::System.ArgumentNullException.ThrowIfNull(operations);");
            w.Line("var list = global::System.Linq.Enumerable.ToList(operations);");
            w.Open($"return RunTransactionAsync<{c}, global::System.Collections.Generic.List<T>>({bind}, async db =>");
            w.Line("var results = new global::System.Collections.Generic.List<T>(list.Count);");
            w.Line("foreach (var operation in list) results.Add(await operation(db).ConfigureAwait(false));");
            w.Line("return results;");
            w.Close(", options, cancellationToken);");
            w.Close();

            w.Line($"private static {Options}? StrataIsolationOptions(global::System.Data.IsolationLevel? isolation) => isolation is {{ }} level ? new {Options} {{ IsolationLevel = level }} : null;");
            w.Close();
            return w.Close().ToString();
        }

        private static void Doc(CodeWriter w, string summary) => w.Line("/// <summary>" + summary + "</summary>");
    }
}
