import { lazy } from 'react';
import { usePathname } from '../../lib/router';
import ArchiveListPage from './list/ArchiveListPage';

const FileDetailPage = lazy(() => import('./detail/FileDetailPage'));
const IntakePage = lazy(() => import('./intake/IntakePage'));
const ChangeRequestPage = lazy(() => import('../changes/ChangeRequestPage'));

/**
 * /archive (list), /archive/new (intake), /archive/:id (file), /archive/:id/edit (edit a draft),
 * /archive/:id/change (a change request on a file in the archive).
 */
export default function ArchivePage() {
  const path = usePathname();
  if (path === '/archive/new') return <IntakePage />;
  const m = /^\/archive\/(\d+)(\/edit|\/change)?\/?$/.exec(path);
  if (m) {
    const id = Number(m[1]);
    if (m[2] === '/change') return <ChangeRequestPage key={`change-${id}`} id={id} />;
    return m[2] ? <IntakePage key={`edit-${id}`} editId={id} /> : <FileDetailPage key={id} id={id} />;
  }
  return <ArchiveListPage />;
}
