using System.Diagnostics;
using Strata.Execution;
using Strata.Metadata;

namespace Strata.Telemetry;

/// <summary>
/// One span per client operation (<c>findMany User</c>), around the spans of its SQL commands. With
/// nothing listening it is one check and a direct call: no delegate, closure or task of its own.
/// </summary>
internal static class OperationSpan
{
    public static Task<T> Run<TArgs, T>(string operation, StrataContext context, ModelInfo? model, TArgs args, CancellationToken cancellationToken, Func<TArgs, CancellationToken, Task<T>> run) =>
        StrataTelemetry.Source.HasListeners() ? Traced(operation, context, model, args, cancellationToken, run) : run(args, cancellationToken);

    private static Task<T> Traced<TArgs, T>(string operation, StrataContext context, ModelInfo? model, TArgs args, CancellationToken cancellationToken, Func<TArgs, CancellationToken, Task<T>> run)
    {
        var previous = Activity.Current;
        var activity = StrataTelemetry.Source.StartActivity(model == null ? operation : operation + " " + model.Name, ActivityKind.Internal);
        if (activity == null) return run(args, cancellationToken);
        activity.SetTag("db.system.name", context.Dialect.Name);
        activity.SetTag("db.operation.name", operation);
        if (model != null) activity.SetTag("db.collection.name", model.TableName);
        Task<T> task;
        try
        {
            // The operation's first await captures the span as the current activity, so its commands' spans are its children.
            task = run(args, cancellationToken);
        }
        catch (Exception e)
        {
            Failed(activity, e);
            activity.Dispose();
            throw;
        }
        finally
        {
            // The caller's own code goes on outside the span.
            Activity.Current = previous;
        }
        return FinishAsync(activity, task);
    }

    private static async Task<T> FinishAsync<T>(Activity activity, Task<T> task)
    {
        try
        {
            return await task.ConfigureAwait(false);
        }
        catch (Exception e)
        {
            Failed(activity, e);
            throw;
        }
        finally
        {
            activity.Dispose();
        }
    }

    private static void Failed(Activity activity, Exception error)
    {
        activity.SetStatus(ActivityStatusCode.Error, error.Message);
        activity.SetTag("error.type", error is StrataException s ? s.Code : error.GetType().FullName);
    }
}
