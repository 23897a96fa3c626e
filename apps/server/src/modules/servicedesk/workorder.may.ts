import { OPEN_WORK_ORDER_STATUSES } from '@bangfu/contracts';
import { type Actor, allows } from '../../platform/auth/actor.js';
import { isOwner, isSuperior } from './workorder.flow.js';
import type * as repo from './workorder.repository.js';
import { maySeePerson } from './workorder.view.js';

type SupervisionRow = Awaited<ReturnType<typeof repo.supervisionsOf>>[number];

/**
 * What the caller may do to the order right now: the order page shows these buttons and no others. Each flag is the
 * same test the step itself makes (workorder.routing.ts, workorder.closing.ts, workorder.read.ts) on the order as it
 * is now; the step checks again under the row lock, so a flag is a promise only until someone else acts.
 */
export function mayOn(actor: Actor, o: repo.WorkOrderRow, supervisions: readonly SupervisionRow[]) {
  const write = allows(actor, 'servicedesk.write');
  const supervise = allows(actor, 'servicedesk.supervise');
  const owner = isOwner(actor, o);
  const superior = isSuperior(actor, o);
  const ownerOrSuperior = owner || superior;
  const atNode = actor.scope.orgId === Number(o.org_id);
  const is = (...statuses: string[]) => statuses.includes(o.status);
  const open = (OPEN_WORK_ORDER_STATUSES as readonly string[]).includes(o.status);
  const supervisors = supervisions.map((s) => Number(s.supervisor_org_id));
  const requester = o.ext_requested_by === null ? null : Number(o.ext_requested_by);
  const mayNote = write && (owner || atNode || superior);
  return {
    handleHere: write && is('open', 'referred') && ownerOrSuperior,
    transfer: write && is('open', 'handling') && ownerOrSuperior,
    assign: write && is('open', 'handling', 'referred') && ownerOrSuperior,
    accept: write && is('awaiting_acceptance') && atNode,
    return: write && is('awaiting_acceptance') && atNode && o.sent_from_org_id !== null,
    supervise: supervise && open && o.org_path.startsWith(actor.scope.path) && o.org_path !== actor.scope.path,
    note: mayNote,
    /** The supervisions still waiting for this order's report. */
    report: mayNote ? supervisions.filter((s) => s.reported_at === null).map((s) => Number(s.id)) : [],
    extension: write && is('open', 'handling', 'referred') && owner && o.ext_status === null,
    extensionDecision:
      supervise &&
      o.ext_status === 'requested' &&
      is('open', 'handling', 'referred', 'awaiting_acceptance') &&
      superior &&
      requester !== actor.userId,
    close: write && is('open', 'handling', 'referred') && owner,
    callback: write && is('closed') && o.satisfaction === null,
    reopen:
      (supervise || write) &&
      is('closed') &&
      o.satisfaction === 'unsatisfied' &&
      (superior || (write && supervisors.includes(actor.scope.orgId) && !owner)),
    attach: mayNote,
    /** Attachments are read by desk staff who may see the person. */
    download: write && maySeePerson(actor, o, supervisors),
    reveal:
      (write || allows(actor, 'servicedesk.reveal')) &&
      (o.id_mask !== null || o.phone_mask !== null) &&
      maySeePerson(actor, o, supervisors),
  };
}
export type WorkOrderMay = ReturnType<typeof mayOn>;
