export function ProjectsPage() {
  return (
    <div className="p-8">
      <h1 className="text-xl font-semibold">Projects</h1>
    </div>
  );
}
