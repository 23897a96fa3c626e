import { canParent, type OrgType } from '@bangfu/contracts';

/** Pure rules of the tree. */

/** The province code a node carries: its own for a province (first two digits of its division code), else its parent's. */
export function provinceCodeFor(type: OrgType, divisionCode: string | null | undefined, parentProvinceCode: string) {
  if (type === 'province' && divisionCode) return divisionCode.slice(0, 2);
  if (type === 'national') return '00';
  return parentProvinceCode;
}

/** Can a node of this type sit between this parent and these children? */
export function typeFits(type: OrgType, parentType: OrgType | null, childTypes: OrgType[]): boolean {
  if (parentType !== null && !canParent(parentType, type)) return false;
  return childTypes.every((c) => canParent(type, c));
}

/** Moving under itself or a descendant would cut the subtree off the tree. */
export function isInsideSubtree(candidatePath: string, subtreePath: string): boolean {
  return candidatePath.startsWith(subtreePath);
}
