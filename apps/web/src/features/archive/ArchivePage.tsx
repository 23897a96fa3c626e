import { lazy } from 'react';
import { usePathname } from '../../lib/router';
import ArchiveListPage from './list/ArchiveListPage';

const FileDetailPage = lazy(() => import('./detail/FileDetailPage'));
const IntakePage = lazy(() => import('./intake/IntakePage'));

/** /archive (list), /archive/new (intake), /archive/:id (file), /archive/:id/edit (edit a draft). */
export default function ArchivePage() {
  const path = usePathname();
  if (path === '/archive/new') return <IntakePage />;
  const m = /^\/archive\/(\d+)(\/edit)?\/?$/.exec(path);
  if (m) {
    const id = Number(m[1]);
    return m[2] ? <IntakePage key={`edit-${id}`} editId={id} /> : <FileDetailPage key={id} id={id} />;
  }
  return <ArchiveListPage />;
}
