/**
 * Tesserra engineering's inbox in the navigation, for a reviewer's token only. Its own chunk:
 * asking the API who the token is must not put the API client into every page's first load.
 */
import { useConta } from "../api/hooks";
import { useT } from "../ui/i18n";
import { ReviewsIcon } from "../ui/icons";
import { appMessages } from "./i18n";
import { ShellNavLink } from "./ShellNavLink";

export default function ReviewerNavItem({ labels }: { labels: boolean }) {
  const t = useT(appMessages);
  const conta = useConta();
  if (conta.data?.papel !== "revisor") return null;
  return <ShellNavLink to="/reviews" label={t("nav.reviews")} icon={ReviewsIcon} labels={labels} />;
}
