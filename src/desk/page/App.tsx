// The desk's one page: a bar with the two lists an editor starts from, and the page the address names.
import { JobsPage } from './JobsPage.tsx';
import { NewVideoPage } from './NewVideoPage.tsx';
import { ReviewPage } from './ReviewPage.tsx';
import { hrefOf, useRoute } from './route.ts';
import { VideoPage } from './VideoPage.tsx';

export const App: React.FC = () => {
  const route = useRoute();
  return (
    <>
      <nav className="bar">
        <strong>Kokoro News desk</strong>
        <a href={hrefOf({ page: 'jobs' })}>Jobs</a>
        <a href={hrefOf({ page: 'new' })}>New video</a>
      </nav>
      <main>
        {route.page === 'jobs' && <JobsPage />}
        {route.page === 'new' && <NewVideoPage />}
        {route.page === 'review' && <ReviewPage key={route.id} id={route.id} />}
        {route.page === 'video' && <VideoPage key={route.id} id={route.id} />}
      </main>
    </>
  );
};
