import { HallSection, type HallSectionProps } from './hall-section';

/**
 * The mini-programs draw the halls with the rest of the guide: the guide's subpackage is one
 * download anyway. H5 loads them as the reader nears them (deferred-hall-section.h5.tsx).
 */
export function DeferredHallSection(props: HallSectionProps) {
  return <HallSection {...props} />;
}
