import { Card, EmptyState, ErrorState, Skeleton } from '@/components/ui';
import { formatPoints } from '@/lib/format';
import { useAnalyticsAnswer } from '../hooks/use-analytics';
import { choiceSentence, holdoutPoints, MODEL_TITLES, rankedModels, type HoldoutPoint, type ModelScore, type ModelSelection } from '../model-fit';
import { ChartFigure, DataTable } from './ChartFigure';

const CHART_HEIGHT = 260;
const mean = (v: number | null) => (v === null ? 'no fit' : v.toFixed(2));

function modelNote(model: ModelScore['model'], selection: ModelSelection | null): string {
  if (model === selection?.chosen) return ' (chosen)';
  return selection?.eligible && !selection.eligible.includes(model) ? ' (reference)' : '';
}

/** Which purchase model the run chose, the comparison behind it, and expected vs actual holdout purchases. */
export function ModelFitPanel() {
  const query = useAnalyticsAnswer('models');
  return (
    <Card title="Purchase model" className="dashboard-grid__wide" data-testid="analytics-models" aria-busy={query.isPending || undefined}>
      {query.isPending && <Skeleton height="16rem" />}
      {query.isError && <ErrorState error={query.error} onRetry={() => query.refetch()} />}
      {query.isSuccess && <ModelFit selection={query.data.model_selection} fitFailed={typeof query.data.btyd?.error === 'string'} />}
    </Card>
  );
}

/** Why no model was compared: a plain sentence, and the run's own words behind "Details". */
function NoComparison({ reason }: { reason?: string | null }) {
  return (
    <EmptyState title="No model comparison yet">
      <p>Every run tries again: the comparison shows here once the purchase history allows it.</p>
      {reason && (
        <details className="disclosure" data-testid="analytics-model-details">
          <summary>Details</summary>
          <p className="small disclosure__technical">{reason}</p>
        </details>
      )}
    </EmptyState>
  );
}

function ModelFit({ selection, fitFailed }: { selection: ModelSelection | null; fitFailed: boolean }) {
  const points = holdoutPoints(selection);
  const models = rankedModels(selection);
  return (
    <div className="stack">
      <p className="muted small">
        A purchase model (BG/NBD, MBG/NBD or Pareto/NBD) estimates from each customer&apos;s past purchases how likely they are to still be a
        customer and how often they will buy. The run tries them on purchases it held back and uses the one that predicted them best.
      </p>
      <p data-testid="analytics-model-choice">{choiceSentence(selection, fitFailed)}</p>
      {models.length > 0 && (
        <p className="muted small">
          Error: how far each model&apos;s prediction of a customer&apos;s holdout purchases was off, on average (root mean square). Predicted: the
          purchases it expected in the holdout. BG/NBD, the standard model, is shown for reference only: it counts every one-time buyer as still
          active however long ago they bought.
        </p>
      )}
      {models.length > 0 && (
        <DataTable<ModelScore>
          caption="Models compared on held-out purchases"
          captionHidden={false}
          rows={models}
          rowKey={(m) => m.model}
          columns={[
            { header: 'Model', cell: (m) => (MODEL_TITLES[m.model] ?? m.title) + modelNote(m.model, selection) },
            { header: 'Error', numeric: true, cell: (m) => (typeof m.holdout_rmse === 'number' ? m.holdout_rmse.toFixed(3) : 'did not fit') },
            { header: 'Predicted', numeric: true, cell: (m) => (typeof m.predicted_total === 'number' ? formatPoints(Math.round(m.predicted_total)) : '—') },
          ]}
        />
      )}
      {points.length > 0 ? (
        <ChartFigure<HoldoutPoint>
          testId="analytics-holdout-chart"
          chart={{ kind: 'holdout', points }}
          height={CHART_HEIGHT}
          caption={
            <>
              Repeat purchases in the holdout period, on average, by how many repeat purchases customers made before it. The
              closer a model&apos;s line is to the actual one, the better it predicts.
              {typeof selection?.actual_total === 'number' && ` ${formatPoints(Math.round(selection.actual_total))} purchases were made in the holdout.`}
            </>
          }
          table={{
            caption: 'Mean holdout purchases by calibration purchases',
            rows: points,
            rowKey: (p) => p.label,
            columns: [
              { header: 'Purchases before', cell: (p) => p.label },
              { header: 'Customers', numeric: true, cell: (p) => formatPoints(p.customers) },
              { header: 'Actual', numeric: true, cell: (p) => p.actual.toFixed(2) },
              { header: 'BG/NBD', numeric: true, cell: (p) => mean(p.bgnbd) },
              { header: 'MBG/NBD', numeric: true, cell: (p) => mean(p.mbgnbd) },
              { header: 'Pareto/NBD', numeric: true, cell: (p) => mean(p.pareto_nbd) },
            ],
          }}
        />
      ) : (
        selection?.chosen_by === 'default' && <NoComparison reason={selection.reason} />
      )}
    </div>
  );
}
