import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { Alert, Button } from '@/components/ui';
import { errorMessage } from '@/lib/api-error';
import { removeRewardImage, uploadRewardImage } from '../api/resources';

export const MAX_IMAGE_BYTES = 512 * 1024;
export const IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/webp'];

/** Why a chosen file cannot be a reward's image, or null when it can (the server checks its bytes again). */
export function imageProblem(file: { size: number; type: string }): string | null {
  if (!IMAGE_TYPES.includes(file.type)) return 'Choose a PNG, JPEG or WebP image.';
  if (file.size > MAX_IMAGE_BYTES) return 'The image is larger than 512 KiB: make it smaller first.';
  return null;
}

/** A reward's picture in the console: shown, replaced by uploading a file, or removed. */
export function RewardImageField({ rewardId, imageUrl, rewardName }: { rewardId: string; imageUrl: string | null; rewardName: string }) {
  const queryClient = useQueryClient();
  const id = useId();
  const [url, setUrl] = useState(imageUrl);
  const [problem, setProblem] = useState<string | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['admin'] });
  const upload = useMutation({
    mutationFn: (file: File) => uploadRewardImage(rewardId, file),
    onSuccess: (answer) => {
      setUrl(answer.image_url);
      refresh();
    },
  });
  const remove = useMutation({
    mutationFn: () => removeRewardImage(rewardId),
    onSuccess: () => {
      setUrl(null);
      refresh();
    },
  });
  const error = problem ?? (upload.error ? errorMessage(upload.error) : remove.error ? errorMessage(remove.error) : null);
  return (
    <section className="stack" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="field__label">
        Image
      </h3>
      <div className="reward-image-field">
        {url ? <img src={url} alt={`Image of ${rewardName}`} data-testid="reward-image-preview" /> : <p className="muted small">No image yet.</p>}
        <div className="field">
          <label className="field__label" htmlFor={`${id}-file`}>
            {url ? 'Replace the image' : 'Upload an image'}
          </label>
          <input
            id={`${id}-file`}
            type="file"
            accept={IMAGE_TYPES.join(',')}
            aria-describedby={`${id}-hint`}
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              if (!file) return;
              const why = imageProblem(file);
              setProblem(why);
              if (!why) upload.mutate(file);
            }}
          />
          <p className="field__hint" id={`${id}-hint`}>
            PNG, JPEG or WebP, up to 512 KiB; saved at once, shown on the reward card at 16:9.
          </p>
        </div>
        {url && (
          <Button variant="ghost" size="sm" onClick={() => remove.mutate()} loading={remove.isPending}>
            Remove image
          </Button>
        )}
      </div>
      {upload.isPending && <p className="muted small" role="status">Uploading…</p>}
      {error && <Alert tone="danger">{error}</Alert>}
    </section>
  );
}
