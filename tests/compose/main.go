// composecheck loads a Compose file with compose-go, the library behind `docker compose
// config`, and prints what it resolved as JSON, so that tests/unit/test_compose.py can check
// docker-compose.yml without a Docker engine or the compose plugin.
//
//	composecheck -f docker-compose.yml --env-file .env [--env-file deploy/celery.env] [--profile P]...
//
// It loads the project as `docker compose --env-file A --env-file B config` does (later env
// files override earlier ones; interpolation, schema validation, consistency checks and path
// resolution on; env_file entries read into each service's environment), with one difference
// on purpose: only the env files named on the command line are read, never the process
// environment nor an implicit ./.env, so the result does not depend on the shell it runs in.
// Profiles come from --profile, or else from COMPOSE_PROFILES in the env files.
//
// On success it prints JSON to stdout and exits 0; on any error it prints the error to stderr
// and exits 1 (2 for a usage error). compose-go's warnings (e.g. an unset variable defaulting
// to a blank string) go to stderr and into the JSON's "warnings".
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"sort"
	"strings"

	"github.com/compose-spec/compose-go/v2/cli"
	"github.com/compose-spec/compose-go/v2/types"
	"github.com/sirupsen/logrus"
)

type repeated []string

func (r *repeated) String() string     { return strings.Join(*r, ",") }
func (r *repeated) Set(v string) error { *r = append(*r, v); return nil }

// warnings collects what compose-go logs at warning level and above.
type warnings struct{ messages []string }

func (w *warnings) Levels() []logrus.Level {
	return []logrus.Level{logrus.PanicLevel, logrus.FatalLevel, logrus.ErrorLevel, logrus.WarnLevel}
}

func (w *warnings) Fire(e *logrus.Entry) error {
	w.messages = append(w.messages, e.Message)
	return nil
}

type envFile struct {
	Path     string `json:"path"`
	Required bool   `json:"required"`
	Format   string `json:"format,omitempty"`
}

type service struct {
	// The resolved environment: the env_file contents, overridden by `environment`. A
	// variable declared without a value and not set anywhere is null.
	Environment map[string]*string `json:"environment"`
	EnvFile     []envFile          `json:"env_file"`
	// deploy.replicas; null when the service has no deploy section or no replicas.
	DeployReplicas *int                      `json:"deploy_replicas"`
	Profiles       []string                  `json:"profiles"`
	Image          string                    `json:"image"`
	DependsOn      map[string]depends        `json:"depends_on"`
	Ports          []types.ServicePortConfig `json:"ports"`
}

type depends struct {
	Condition string `json:"condition"`
	Required  bool   `json:"required"`
}

type output struct {
	Name     string             `json:"name"`
	Profiles []string           `json:"profiles"`
	Services []string           `json:"services"`
	Disabled []string           `json:"disabled_services"`
	Details  map[string]service `json:"service"`
	Warnings []string           `json:"warnings"`
}

func main() {
	var files, envFiles, profiles repeated
	var projectDir string
	flags := flag.NewFlagSet("composecheck", flag.ContinueOnError)
	flags.Var(&files, "f", "Compose file (repeatable; later files override earlier ones)")
	flags.Var(&files, "file", "same as -f")
	flags.Var(&envFiles, "env-file", "env file for interpolation (repeatable; later files override earlier ones)")
	flags.Var(&profiles, "profile", "profile to enable (repeatable; default: COMPOSE_PROFILES from the env files)")
	flags.StringVar(&projectDir, "project-directory", "", "project directory (default: the first file's directory)")
	if err := flags.Parse(os.Args[1:]); err != nil {
		os.Exit(2)
	}
	if len(files) == 0 || flags.NArg() > 0 {
		fmt.Fprintln(os.Stderr, "usage: composecheck -f FILE [--env-file FILE]... [--profile NAME]... [--project-directory DIR]")
		os.Exit(2)
	}

	collected := &warnings{}
	logrus.AddHook(collected)
	logrus.SetOutput(os.Stderr)

	out, err := load(files, envFiles, profiles, projectDir)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	out.Warnings = append([]string{}, collected.messages...)
	encoder := json.NewEncoder(os.Stdout)
	encoder.SetIndent("", "  ")
	encoder.SetEscapeHTML(false)
	if err := encoder.Encode(out); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

func load(files, envFiles, profiles []string, projectDir string) (*output, error) {
	opts := []cli.ProjectOptionsFn{}
	if projectDir != "" {
		opts = append(opts, cli.WithWorkingDirectory(projectDir))
	}
	// Only the env files given: cli.WithEnvFiles() with none would fall back to ./.env.
	if len(envFiles) > 0 {
		opts = append(opts, cli.WithEnvFiles(envFiles...), cli.WithDotEnv)
	}
	opts = append(opts,
		// --profile wins; else COMPOSE_PROFILES from the env files (read by WithDotEnv above).
		cli.WithDefaultProfiles(profiles...),
		cli.WithInterpolation(true),
		cli.WithNormalization(true),
		cli.WithConsistency(true),
		cli.WithResolvedPaths(true),
	)
	options, err := cli.NewProjectOptions(files, opts...)
	if err != nil {
		return nil, err
	}
	project, err := options.LoadProject(context.Background())
	if err != nil {
		return nil, err
	}

	out := &output{
		Name:     project.Name,
		Profiles: []string{},
		Services: nonNil(project.ServiceNames()),
		Disabled: nonNil(project.DisabledServiceNames()),
		Details:  map[string]service{},
	}
	for _, p := range project.Profiles {
		if p != "" { // no COMPOSE_PROFILES: WithDefaultProfiles gives [""]
			out.Profiles = append(out.Profiles, p)
		}
	}
	sort.Strings(out.Profiles)
	sort.Strings(out.Services)
	sort.Strings(out.Disabled)
	for name, s := range project.Services {
		detail := service{
			Environment: map[string]*string{},
			EnvFile:     []envFile{},
			Profiles:    nonNil(s.Profiles),
			Image:       s.Image,
			DependsOn:   map[string]depends{},
			Ports:       s.Ports,
		}
		for k, v := range s.Environment {
			detail.Environment[k] = v
		}
		for _, f := range s.EnvFiles {
			detail.EnvFile = append(detail.EnvFile, envFile{Path: f.Path, Required: bool(f.Required), Format: f.Format})
		}
		if s.Deploy != nil && s.Deploy.Replicas != nil {
			replicas := *s.Deploy.Replicas
			detail.DeployReplicas = &replicas
		}
		for dep, cfg := range s.DependsOn {
			detail.DependsOn[dep] = depends{Condition: cfg.Condition, Required: cfg.Required}
		}
		if detail.Ports == nil {
			detail.Ports = []types.ServicePortConfig{}
		}
		out.Details[name] = detail
	}
	return out, nil
}

func nonNil(values []string) []string {
	if values == nil {
		return []string{}
	}
	return values
}
