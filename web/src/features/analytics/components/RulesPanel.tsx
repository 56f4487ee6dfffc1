// "Bought together": the association rules of the latest run, by product name.
import { EmptyState } from '@/components/ui';
import { formatPercent } from '@/lib/format';
import { ruleProduct, ruleRows, type RuleProduct } from '../normalize';
import type { AssociationRule, RulesResponse } from '../types';
import { Panel } from './Panel';

/** A product of a rule: its catalog name with the SKU beside it (never broken at its hyphen), or the SKU alone. */
function RuleItem({ product }: { product: RuleProduct }) {
  return product.name ? (
    <span className="rule__product">
      {product.name} <code className="rule__sku">{product.sku}</code>
    </span>
  ) : (
    <span className="rule__product">
      <code className="rule__sku">{product.sku}</code>
    </span>
  );
}

function RuleProducts({ answer, skus }: { answer: RulesResponse; skus: string[] }) {
  return (
    <span className="rule__items">
      {skus.map((sku, i) => (
        <span key={sku}>
          {i > 0 && <span className="rule__and"> + </span>}
          <RuleItem product={ruleProduct(answer, sku)} />
        </span>
      ))}
    </span>
  );
}

/** "10.1×": how many times more often than by chance. */
const times = (lift: number) => `${lift.toFixed(1)}×`;

export function RulesPanel() {
  return (
    <Panel
      title="Bought together"
      answer="rules"
      wide
      view={ruleRows}
      empty={(rules) =>
        rules.length === 0 && <EmptyState title="No association rules in this run">No product set met the minimum support and confidence with a lift above 1.</EmptyState>
      }
      note={
        <>
          Products that end up in the same basket more often than by chance, strongest first. <strong>Lift</strong>: how many times more often
          than by chance. <strong>Confidence</strong>: of the baskets with the first products, the share that also have the other.{' '}
          <strong>Support</strong>: the share of all baskets that have them all.
        </>
      }
    >
      {(rules, answer) => (
        <ol className="rule-list" aria-label="Association rules with lift, confidence and support">
          {rules.map((r: AssociationRule, i) => (
            <li className="rule" key={`${r.antecedent.join('+')}>${r.consequent}#${i}`} data-testid="analytics-rule">
              <p className="rule__side">
                <span className="rule__label">Basket has</span> <RuleProducts answer={answer} skus={r.antecedent} />
              </p>
              <p className="rule__side">
                <span className="rule__label">Also has</span> <RuleProducts answer={answer} skus={[r.consequent]} />
              </p>
              <dl className="rule__stats">
                <div>
                  <dt>Lift</dt>
                  <dd>{times(r.lift)}</dd>
                </div>
                <div>
                  <dt>Confidence</dt>
                  <dd>{formatPercent(r.confidence)}</dd>
                </div>
                <div>
                  <dt>Support</dt>
                  <dd>{formatPercent(r.support)}</dd>
                </div>
              </dl>
            </li>
          ))}
        </ol>
      )}
    </Panel>
  );
}
