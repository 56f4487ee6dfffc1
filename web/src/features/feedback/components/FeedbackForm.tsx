import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Alert, Button, Form, TextArea, TextField } from '@/components/ui';
import { splitList } from '@/lib/format';
import { sendFeedback } from '../api/feedback';
import type { FeedbackInput } from '../types';
import { RatingInput } from './RatingInput';

const MAX_TEXT_LENGTH = 2000;

export function FeedbackForm() {
  const [rating, setRating] = useState(0);
  const [ratingError, setRatingError] = useState<string>();
  const [formKey, setFormKey] = useState(0);
  const mutation = useMutation({ mutationFn: sendFeedback });

  if (mutation.isSuccess)
    return (
      <div className="stack">
        <Alert tone="success" title="Thank you for your feedback!">
          We read every message and use it to improve.
        </Alert>
        <div>
          <Button
            variant="secondary"
            onClick={() => {
              mutation.reset();
              setRating(0);
              setFormKey((k) => k + 1);
            }}
          >
            Send more feedback
          </Button>
        </div>
      </div>
    );

  return (
    <Form
      key={formKey}
      aria-label="Feedback"
      error={mutation.error}
      onSubmit={(data) => {
        if (rating < 1) {
          setRatingError('Choose a rating from 1 to 5 stars.');
          return;
        }
        setRatingError(undefined);
        const input: FeedbackInput = { rating, text: String(data.get('text') ?? '').trim() };
        const sku = String(data.get('product_sku') ?? '').trim();
        if (sku) input.product_sku = sku;
        const tags = splitList(String(data.get('tags') ?? ''));
        if (tags.length) input.tags = tags;
        mutation.mutate(input);
      }}
    >
      <RatingInput value={rating} onChange={setRating} error={ratingError} />
      <TextArea label="Tell us more" name="text" rows={4} maxLength={MAX_TEXT_LENGTH} required />
      <TextField label="Product code (optional)" name="product_sku" autoComplete="off" hint="Printed on your receipt, if the feedback is about one product." />
      <TextField label="Topics (optional)" name="tags" autoComplete="off" hint="Comma separated, for example: staff, delivery" />
      <div>
        <Button type="submit" loading={mutation.isPending}>
          Send feedback
        </Button>
      </div>
    </Form>
  );
}
