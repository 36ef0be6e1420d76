import { Badge } from '@mantine/core';

export function TagList({ tags }: { tags: readonly string[] }) {
  return tags.map((tag) => (
    <Badge key={tag} variant="outline" color="gray" size="sm" radius="sm" tt="none">
      {tag}
    </Badge>
  ));
}
