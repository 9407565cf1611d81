import { Landing } from '../components/landing';

export default function HomePage() {
  return <Landing />;
}
