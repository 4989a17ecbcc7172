import { Link } from 'react-router';
import { PageHeader } from '../components/ui.js';

export default function NotFound() {
  return (
    <>
      <PageHeader title="No such page">This address is not a page of Trellis.</PageHeader>
      <p>
        Start from the <Link to="/">ladder</Link>, or pick a page above.
      </p>
    </>
  );
}
